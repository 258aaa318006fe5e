import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ErrorCode } from '../../../../shared/errors';
import { errorCodeOf } from '../../api/client';
import { useGuardedForm } from '../../drafts/useGuardedForm';
import { keepFocusNear } from '../keepFocus';
import { hasErrors, type FieldErrors } from './fieldErrors';

export interface RecordFormOptions<T> {
  /** Where the form is kept as a draft at a lock, e.g. `case:new` or `conversation:<id>`. */
  key: string;
  caseId: number | null;
  initial: T;
  /** The shared schema the core enforces, run in the form, so what the form accepts the core accepts. */
  validate(value: T): FieldErrors;
  save(value: T): Promise<void>;
  /** A form that adds records starts afresh from this after each save; without it the saved value stays. */
  afresh?: () => T;
  /** Closes an edit in a list; without it, Cancel and Escape empty the form for a new record. */
  onCancel?: () => void;
}

export interface RecordForm<T> {
  value: T;
  change(changes: Partial<T>): void;
  /** The checks' messages by field, shown once a save was tried. */
  shown: FieldErrors;
  /** A save was tried and the checks refused it. */
  invalid: boolean;
  /** How many saves the checks refused: the error summary takes the focus at each. */
  refusals: number;
  /** The core's refusal of the last save. */
  error: ErrorCode | null;
  saving: boolean;
  /** Saved, and not changed since. */
  saved: boolean;
  restoredAt: string | null;
  /** The form's save with its checks; false when they or the core refused it (the reason is then on screen). */
  submit(): Promise<boolean>;
  onSubmit(event: FormEvent): void;
  /** Cancel or Escape in a list's form: closes the edit or empties the form, asking first when something is typed. */
  cancel(): void;
  /** Escape runs `cancel`. */
  onKeyDown(event: KeyboardEvent): void;
  leave(proceed: () => void): void;
  discard(): void;
  /** A new saved state, with the checks' messages hidden until the next save. */
  startAfresh(next: T): void;
}

/**
 * Every record's form (case, conversation, mediation, signal, activity, board advice): checks,
 * then the core's save, its refusal by code, and the form clean again. The form asks before its
 * typing is dropped and is kept as a draft at a lock.
 */
export function useRecordForm<T extends object>(options: RecordFormOptions<T>): RecordForm<T> {
  const { initial, onCancel } = options;
  const form = useGuardedForm({ key: options.key, caseId: options.caseId, initial, submit });
  const [submitted, setSubmitted] = useState(false);
  const [refusals, setRefusals] = useState(0);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const errors = options.validate(form.value);

  function startAfresh(next: T) {
    form.reset(next);
    setSubmitted(false);
  }

  async function submit(): Promise<boolean> {
    setSubmitted(true);
    setError(null);
    if (hasErrors(errors)) {
      setRefusals((count) => count + 1);
      return false;
    }
    setSaving(true);
    try {
      await form.persist(() => options.save(form.value));
      if (options.afresh) startAfresh(options.afresh());
      setSaved(true);
      return true;
    } catch (caught) {
      setError(errorCodeOf(caught));
      return false;
    } finally {
      setSaving(false);
    }
  }

  const cancel = () => {
    const refocus = keepFocusNear();
    form.leave(() => {
      (onCancel ?? (() => form.reset(initial)))();
      requestAnimationFrame(refocus);
    });
  };

  return {
    value: form.value,
    change(changes) {
      setSaved(false);
      form.setValue((current) => ({ ...current, ...changes }));
    },
    shown: submitted ? errors : {},
    invalid: submitted && hasErrors(errors),
    refusals,
    error,
    saving,
    saved,
    restoredAt: form.restoredAt,
    submit,
    onSubmit(event) {
      event.preventDefault();
      void submit();
    },
    cancel,
    onKeyDown(event) {
      if (event.key === 'Escape') cancel();
    },
    leave: form.leave,
    discard: form.discard,
    startAfresh,
  };
}
