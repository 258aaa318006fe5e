import { useState } from 'react';
import type { ErrorCode } from '../../../../shared/errors';
import { errorCodeOf } from '../../api/client';

/**
 * A file acted on only after its code was compared by phone (a successor's key file, a package):
 * its text, what the core read of it, and the adviser's tick that the codes match. Another file
 * starts over, the tick too; a refused one is reported through `onError`.
 */
export function useComparedFile<S>(readSummary: (content: string) => Promise<S>, onError: (code: ErrorCode | null) => void) {
  const [file, setFile] = useState<{ content: string; summary: S } | null>(null);
  const [compared, setCompared] = useState(false);

  async function read(chosen: File | undefined) {
    onError(null);
    setFile(null);
    setCompared(false);
    if (!chosen) return;
    try {
      const content = await chosen.text();
      setFile({ content, summary: await readSummary(content) });
    } catch (caught) {
      onError(errorCodeOf(caught));
    }
  }

  return { file, compared, setCompared, read, clear: () => setFile(null) };
}
