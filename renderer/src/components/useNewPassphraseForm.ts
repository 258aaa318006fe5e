import { useState, type FormEvent } from 'react';
import type { ErrorCode } from '../../../shared/errors';
import { errorCodeOf } from '../api/client';
import { passphraseProblem } from './passphraseStrength';

/**
 * The submit of every screen that sets a new passphrase (create, recover, change): the passphrase
 * typed twice is checked here first, then the core is asked, and its refusal is shown by code.
 * `complete`: the screen's other fields are filled in.
 */
export function useNewPassphraseForm({ complete, send }: { complete: boolean; send(passphrase: string): Promise<void> }) {
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [refusals, setRefusals] = useState(0);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);

  async function submit() {
    setSubmitted(true);
    setError(null);
    setDone(false);
    if (!complete || passphraseProblem(passphrase, repeat)) {
      setRefusals((count) => count + 1);
      return;
    }
    setBusy(true);
    try {
      await send(passphrase);
      setDone(true);
    } catch (caught) {
      setError(errorCodeOf(caught));
    } finally {
      setBusy(false);
    }
  }

  return {
    /** For `NewPassphraseFields`: its problems show once a submit was tried. */
    fields: { passphrase, repeat, onPassphrase: setPassphrase, onRepeat: setRepeat, showProblems: submitted },
    submitted,
    /** How many submits the checks refused: an error summary takes the focus at each. */
    refusals,
    busy,
    done,
    error,
    onSubmit(event: FormEvent) {
      event.preventDefault();
      void submit();
    },
    /** Empties both fields and hides their problems until the next submit. */
    clear() {
      setPassphrase('');
      setRepeat('');
      setSubmitted(false);
    },
  };
}
