import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { caretIn, focusedField, placeCaretSoon, type DraftCaret } from './caret';
import { draftContent, readDraftContent } from './draftContent';
import { DraftKeeper } from './draftKeeper';
import { takeDraft } from './draftStore';
import { offerUndo } from './discardUndo';
import { saveWithDraft } from './formSave';
import { leaveThen } from './leaveGuard';
import { registerForm } from './openForms';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export interface GuardedForm<T> {
  value: T;
  setValue: Dispatch<SetStateAction<T>>;
  dirty: boolean;
  /** When the draft now in the form was kept; null when the form did not start from one. */
  restoredAt: string | null;
  /** Runs the form's own save, which removes its draft; while it runs the form is not dirty, so the save's own navigation is not held up. */
  persist(save: () => Promise<void>): Promise<void>;
  /** A new saved state, e.g. the empty form after adding a conversation. */
  reset(next: T): void;
  /** The saved state arrived (loaded after mount): it becomes the baseline, under a restored draft if there is one. The same function on every render. */
  loaded(saved: T): void;
  /** Throws the draft away, back to what was saved, with an offer to undo it for a few seconds. The same function on every render. */
  discard(): void;
  /** Escape or Cancel: leaves at once, or asks "save, discard or stay" when something is typed. */
  leave(proceed: () => void): void;
}

/**
 * A form that knows when it is dirty: it answers the leave question, keeps its draft in the vault
 * while the adviser types (./draftKeeper.ts) and starts from it after an unlock, the caret where it
 * was. `submit` is the form's save with its checks.
 */
export function useGuardedForm<T>(options: { key: string; caseId: number | null; initial: T; submit(): Promise<boolean> }): GuardedForm<T> {
  const { key, caseId } = options;
  const [taken] = useState(() => {
    const found = takeDraft(key);
    return found && { ...found, ...readDraftContent(found.draft.content, options.initial) };
  });
  const draft = taken?.draft ?? null;
  const [baseline, setBaseline] = useState<T>(options.initial);
  const [value, setValue] = useState<T>(() => taken?.formState ?? options.initial);
  const [restoredAt, setRestoredAt] = useState(draft?.savedAt ?? null);
  const current = useRef({ value, baseline, saving: false, submit: options.submit });
  current.current = { ...current.current, value, baseline, submit: options.submit };
  const isDirty = () => !same(current.current.value, current.current.baseline);

  // The field last typed in, and its caret when it was last seen (or the restored one).
  const typing = useRef<{ field: HTMLInputElement | HTMLTextAreaElement | null; caret: DraftCaret | null }>({ field: null, caret: taken?.caret ?? null });
  const content = () => {
    const { field } = typing.current;
    typing.current.caret = (field && caretIn(field)) ?? typing.current.caret;
    return draftContent(current.current.value, typing.current.caret);
  };
  const [keeper] = useState(() => new DraftKeeper({ key, caseId, isDirty, content }, draft?.content ?? null));
  // Called from a field's change handler: the focused field is the one being typed in.
  const [setTypedValue] = useState(() => (next: SetStateAction<T>) => {
    typing.current.field = focusedField() ?? typing.current.field;
    setValue(next);
  });

  useEffect(() => keeper.changed(), [value, baseline, keeper]);

  useEffect(() => {
    if (taken?.withCaret && taken.caret) placeCaretSoon(taken.caret);
  }, [taken]);

  useEffect(() => {
    // Leaving a field writes the draft at once.
    const left = (event: FocusEvent) => {
      if (event.target === typing.current.field && keeper.pending) void keeper.keep();
    };
    document.addEventListener('focusout', left);
    return () => {
      document.removeEventListener('focusout', left);
      keeper.dispose();
    };
  }, [keeper]);

  const loaded = useCallback(
    (saved: T) => {
      current.current.baseline = saved;
      setBaseline(saved);
      if (!draft) setValue(saved);
    },
    [draft],
  );

  // Reads the ref, not this render's state: a save just made is already the baseline.
  const [backToSaved] = useState(() => () => {
    current.current.value = current.current.baseline;
    setValue(current.current.baseline);
    setRestoredAt(null);
    void keeper.keep();
  });

  const draftRestoredAt = useRef(restoredAt);
  draftRestoredAt.current = restoredAt;
  const [discard] = useState(() => () => {
    const thrown = { value: current.current.value, restoredAt: draftRestoredAt.current, caret: typing.current.caret };
    backToSaved();
    offerUndo({
      discard,
      undo() {
        current.current.value = thrown.value;
        setValue(thrown.value);
        setRestoredAt(thrown.restoredAt);
        void keeper.keep();
        if (thrown.caret) placeCaretSoon(thrown.caret);
      },
    });
  });

  useEffect(
    () =>
      registerForm({
        key,
        caseId,
        isDirty: () => isDirty() && !current.current.saving,
        content,
        keep: () => keeper.keep(),
        save: () => current.current.submit(),
        discard: backToSaved,
      }),
    [key, caseId, keeper, backToSaved],
  );

  return {
    value,
    setValue: setTypedValue,
    dirty: !same(value, baseline),
    restoredAt,
    async persist(save) {
      const saving = current.current.value;
      current.current.saving = true;
      let removed = false;
      try {
        await keeper.settle();
        removed = await saveWithDraft(key, save);
        current.current.baseline = saving;
        setBaseline(saving);
        setRestoredAt(null);
      } finally {
        current.current.saving = false;
        keeper.resume(removed);
      }
    },
    reset(next) {
      current.current.baseline = next;
      current.current.value = next;
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
