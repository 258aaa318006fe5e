/**
 * The only logger the core uses. It takes an event name and a few fixed-form fields, never a
 * message or an error object, so case data cannot reach a log through it.
 */
export type LogFields = Record<string, string | number | boolean>;

export type LogSink = (line: string) => void;

export function createLogger(sink: LogSink = (line) => process.stderr.write(`${line}\n`)) {
  return (event: string, fields: LogFields = {}) => sink(JSON.stringify({ event, ...fields }));
}

export type Logger = ReturnType<typeof createLogger>;
