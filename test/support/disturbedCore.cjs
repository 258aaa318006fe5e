/**
 * The built core process (its path the first argument) with one disturbance, for what the core
 * must survive but no request in the contract can cause. Once the core has started a request on
 * the named channel (its own message listener runs first, so main has heard "started"):
 * - `hang`: the process blocks for good, as in a step that never ends;
 * - `reject`: a promise nobody handles rejects, with the request in its message;
 * - `throw`: an exception nobody catches, with the request in its message.
 */
const [core, disturbance, channel] = process.argv.slice(2);
require(core);

process.on('message', (message) => {
  if (message.type !== 'request' || message.channel !== channel) return;
  const withRequest = () => new Error(JSON.stringify(message.request));
  if (disturbance === 'hang') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  if (disturbance === 'reject') void Promise.reject(withRequest());
  if (disturbance === 'throw')
    process.nextTick(() => {
      throw withRequest();
    });
});
