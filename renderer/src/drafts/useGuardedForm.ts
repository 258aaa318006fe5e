import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { leaveThen } from './leaveGuard';
import { registerForm } from './openForms';
import { takeDraft } from './draftStore';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function restored<T>(content: string, fallback: T): T {
  try {
    return JSON.parse(content) as T;
  } catch {
    return fallback;
  }
}

export interface GuardedForm<T> {
  value: T;
  setValue: Dispatch<SetStateAction<T>>;
  dirty: boolean;
  /** When the draft now in the form was kept (at a lock); null when the form did not start from one. */
  restoredAt: string | null;
  /** Runs the form's own save; while it runs the form is not dirty, so the save's own navigation is not held up. */
  persist(save: () => Promise<void>): Promise<void>;
  /** A new saved state, e.g. the empty form after adding a conversation. */
  reset(next: T): void;
  /** The saved state arrived (loaded after mount): it becomes the baseline, under a restored draft if there is one. The same function on every render. */
  loaded(saved: T): void;
  discard(): void;
  /** Escape or Cancel: leaves at once, or asks "save, discard or stay" when something is typed. */
  leave(proceed: () => void): void;
}

/**
 * A form that knows when it is dirty: it answers the leave question, is kept as a draft at every
 * lock, and starts from its draft after the unlock. `submit` is the form's save with its checks.
 */
export function useGuardedForm<T>(options: { key: string; caseId: number | null; initial: T; submit(): Promise<boolean> }): GuardedForm<T> {
  const { key, caseId } = options;
  const [draft] = useState(() => takeDraft(key));
  const [baseline, setBaseline] = useState<T>(options.initial);
  const [value, setValue] = useState<T>(() => (draft ? restored(draft.content, options.initial) : options.initial));
  const [restoredAt, setRestoredAt] = useState(draft?.savedAt ?? null);
  const current = useRef({ value, baseline, saving: false, submit: options.submit });
  current.current = { ...current.current, value, baseline, submit: options.submit };
  const isDirty = () => !same(current.current.value, current.current.baseline);

  const loaded = useCallback(
    (saved: T) => {
      current.current.baseline = saved;
      setBaseline(saved);
      if (!draft) setValue(saved);
    },
    [draft],
  );

  // Reads the ref, not this render's state: a save just made is already the baseline.
  const discard = () => {
    current.current.value = current.current.baseline;
    setValue(current.current.baseline);
    setRestoredAt(null);
  };

  useEffect(
    () =>
      registerForm({
        key,
        caseId,
        isDirty: () => isDirty() && !current.current.saving,
        snapshot: () => current.current.value,
        save: () => current.current.submit(),
        discard,
      }),
    [key, caseId],
  );

  return {
    value,
    setValue,
    dirty: !same(value, baseline),
    restoredAt,
    async persist(save) {
      const saving = current.current.value;
      current.current.saving = true;
      try {
        await save();
        current.current.baseline = saving;
        setBaseline(saving);
        setRestoredAt(null);
      } finally {
        current.current.saving = false;
      }
    },
    reset(next) {
      setBaseline(next);
      setValue(next);
      setRestoredAt(null);
    },
    loaded,
    discard,
    leave(proceed) {
      leaveThen(proceed, [key]);
    },
  };
}
