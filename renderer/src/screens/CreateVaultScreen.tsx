import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../shared/errors';
import { errorCodeOf } from '../api/client';
import type { VaultFunction } from '../../../shared/taxonomy';
import { ErrorMessage } from '../components/ErrorMessage';
import { Checkbox, CodeSelect } from '../components/form/fields';
import { NewPassphraseFields } from '../components/NewPassphraseFields';
import { passphraseProblem } from '../components/passphraseStrength';
import { useSessionStore } from '../stores/sessionStore';

export function CreateVaultScreen() {
  const { t } = useTranslation();
  const create = useSessionStore((state) => state.create);
  const [fn, setFn] = useState<VaultFunction | null>(null);
  const [external, setExternal] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setError(null);
    if (!fn || passphraseProblem(passphrase, repeat)) return;
    setBusy(true);
    try {
      await create(passphrase, fn, external && fn === 'faculty_confidential_adviser');
    } catch (caught) {
      setError(errorCodeOf(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="gate">
      <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="create-title">
        <h1 id="create-title">{t('create.title')}</h1>
        <p>{t('create.intro')}</p>
        <CodeSelect
          list="vaultFunction"
          label={t('create.function')}
          value={fn}
          onChange={setFn}
          emptyLabel={t('create.chooseFunction')}
          error={submitted && !fn ? 'required' : undefined}
        />
        {fn === 'faculty_confidential_adviser' && <Checkbox label={t('create.external')} checked={external} onChange={setExternal} />}
        <NewPassphraseFields
          passphrase={passphrase}
          repeat={repeat}
          onPassphrase={setPassphrase}
          onRepeat={setRepeat}
          labels={{ passphrase: t('create.passphrase'), repeat: t('create.repeat') }}
          showProblems={submitted}
          autoFocus
        />
        <ErrorMessage code={error} />
        <button type="submit" disabled={busy}>
          {busy ? t('create.busy') : t('create.submit')}
        </button>
      </form>
    </main>
  );
}
