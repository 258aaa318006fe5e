import { invoke } from './client';

type Saver = () => Promise<void>;

const savers = new Set<Saver>();

/** Leaves a little of the core's deadline for the answer itself to arrive. */
const ANSWER_MARGIN_MS = 250;

/**
 * Registers work that must be saved before the vault locks (an open form's draft). It runs on
 * every lock, whatever started it, within the deadline the core gives.
 */
export function saveBeforeLock(saver: Saver): () => void {
  savers.add(saver);
  return () => savers.delete(saver);
}

/** The window's half of the one lock path: save what is registered, then let the core lock. */
export async function answerLocking(deadlineMs: number): Promise<void> {
  let timer: number | undefined;
  const deadline = new Promise<void>((resolve) => (timer = window.setTimeout(resolve, Math.max(0, deadlineMs - ANSWER_MARGIN_MS))));
  await Promise.race([Promise.allSettled([...savers].map((save) => save())), deadline]);
  window.clearTimeout(timer);
  await invoke('vault.lockReady', {});
}
