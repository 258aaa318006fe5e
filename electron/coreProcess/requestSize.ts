/** What a number, a boolean, null or the frame of an object or array takes, give or take. */
const SMALL_VALUE_BYTES = 8;

/**
 * Whether a request takes more than `limit` bytes as the structured clone carries it to the core:
 * two bytes a character, a typed array's own bytes, a few for everything else. The walk stops as
 * soon as the limit is passed, so a 30 MB string or a million-element array costs no more to
 * refuse than a short one; a cycle only adds up until it is refused.
 */
export function exceedsSize(value: unknown, limit: number): boolean {
  let size = 0;
  const pending: unknown[] = [value];
  const add = (bytes: number) => (size += bytes) > limit;
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') {
      if (add(next.length * 2)) return true;
    } else if (ArrayBuffer.isView(next) || next instanceof ArrayBuffer) {
      if (add(next.byteLength)) return true;
    } else if (next instanceof Map || next instanceof Set) {
      for (const entry of next) {
        if (add(SMALL_VALUE_BYTES)) return true;
        pending.push(entry);
      }
    } else if (Array.isArray(next)) {
      for (let index = 0; index < next.length; index++) {
        if (add(SMALL_VALUE_BYTES)) return true;
        pending.push(next[index]);
      }
    } else if (typeof next === 'object' && next !== null) {
      for (const key in next) {
        if (add(SMALL_VALUE_BYTES + key.length * 2)) return true;
        pending.push((next as Record<string, unknown>)[key]);
      }
    } else if (add(SMALL_VALUE_BYTES)) return true;
  }
  return false;
}
