/** What this uses of the WebAssembly API, which the core's Node typings do not declare. */
interface Instance {
  exports: Record<string, unknown>;
}
interface Memory {
  buffer: ArrayBuffer;
}
declare const WebAssembly: {
  instantiate(...args: unknown[]): Promise<Instance | { instance: Instance }>;
  Instance: abstract new (...args: never[]) => Instance;
  Memory: abstract new (...args: never[]) => Memory;
};

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs a hash-wasm call and then zeroes the memory of every hash-wasm instance it made. An Argon2
 * run makes fresh instances (its working memory, the BLAKE2b whose output is the wrapping key) and
 * gives no handle on them; left to the collector, their memory would stay readable in the process
 * until then, and be freed uncleared. Runs one at a time, so each run zeroes only its own instances.
 */
export function withWipedWebAssembly<T>(run: () => Promise<T>): Promise<T> {
  const next = queue.then(() => collecting(run));
  const settled = () => undefined;
  queue = next.then(settled, settled);
  return next;
}

async function collecting<T>(run: () => Promise<T>): Promise<T> {
  const memories: Memory[] = [];
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = async (...args) => {
    const result = await instantiate.apply(WebAssembly, args);
    const { exports } = result instanceof WebAssembly.Instance ? result : result.instance;
    // hash-wasm's modules export Hash_GetBuffer; another library's memory is not ours to clear.
    if ('Hash_GetBuffer' in exports && exports.memory instanceof WebAssembly.Memory) memories.push(exports.memory);
    return result;
  };
  try {
    return await run();
  } finally {
    WebAssembly.instantiate = instantiate;
    for (const memory of memories) new Uint8Array(memory.buffer).fill(0);
  }
}
