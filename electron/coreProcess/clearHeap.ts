import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A small array: many of them fill even the ends of pages a larger object would skip. */
const FILLER_ELEMENTS = 14;
const FILLER_BYTES = 128;

let collect: (() => void) | null = null;
/** Where each filler goes: exported, so no compiler can prove it unused and skip the allocation. */
export let fillerSink: unknown = null;

/** V8's own full collection; `--expose-gc` set now reaches a fresh context's global. */
function fullCollection(): () => void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  return collect;
}

/**
 * After a lock, the text and keys of the session are garbage, but V8 frees memory without
 * clearing it: a dead string stays readable until its bytes are reused. A full collection frees
 * it; a second one that compacts every page moves the live objects off and gives those pages back
 * to the system, dead bytes and all. The young generation, which a collection leaves as it was
 * past its allocation point, is then overwritten by filler allocated through both its halves.
 * About 0.2 s on the core's heap, once the lock has been answered.
 */
export function clearHeap(): void {
  const gc = fullCollection();
  gc();
  setFlagsFromString('--compact-on-every-full-gc');
  try {
    gc();
  } finally {
    setFlagsFromString('--no-compact-on-every-full-gc');
  }
  const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
  for (let written = 0; written < 2 * young; written += FILLER_BYTES) fillerSink = new Array<number>(FILLER_ELEMENTS).fill(0);
  fillerSink = null;
}
