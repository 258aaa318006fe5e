import type { DraftCaret } from './caret';

/** A draft's content: the form's state and where its caret was. */
export interface DraftContent<T> {
  formState: T;
  caret: DraftCaret | null;
}

export function draftContent(formState: unknown, caret: DraftCaret | null): string {
  return JSON.stringify({ formState, caret });
}

/** A draft kept before carets were (the bare form state) still restores, without a caret. */
export function readDraftContent<T>(content: string, fallback: T): DraftContent<T> {
  try {
    const parsed = JSON.parse(content) as unknown;
    if (typeof parsed === 'object' && parsed !== null && 'formState' in parsed) return parsed as DraftContent<T>;
    return { formState: parsed as T, caret: null };
  } catch {
    return { formState: fallback, caret: null };
  }
}
