import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../../shared/errors';
import { errorCodeOf, invoke } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { NewPassphraseFields } from '../../components/NewPassphraseFields';
import { RecoveryKeyNotice } from '../../components/RecoveryKeyNotice';
import { useNewPassphraseForm } from '../../components/useNewPassphraseForm';

function CurrentPassphrase({ value, onChange, id }: { value: string; onChange(value: string): void; id: string }) {
  const { t } = useTranslation();
  return (
    <>
      <label htmlFor={id}>{t('security.currentPassphrase')}</label>
      <input id={id} type="password" autoComplete="current-password" value={value} onChange={(event) => onChange(event.target.value)} />
    </>
  );
}

function ChangePassphraseForm() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const form = useNewPassphraseForm({
    complete: current !== '',
    async send(next) {
      await invoke('vault.changePassphrase', { current, next });
      setCurrent('');
      form.clear();
    },
  });

  return (
    <form className="card" onSubmit={form.onSubmit} noValidate aria-label={t('security.changeTitle')}>
      <h3>{t('security.changeTitle')}</h3>
      <CurrentPassphrase id="change-current" value={current} onChange={setCurrent} />
      <NewPassphraseFields {...form.fields} labels={{ passphrase: t('security.newPassphrase'), repeat: t('security.repeatPassphrase') }} />
      <ErrorMessage code={form.error} />
      <button type="submit">{t('security.change')}</button>
      {form.done && <p role="status">{t('security.changed')}</p>}
    </form>
  );
}

/** New recovery key, or a full re-encryption under a new data key: both confirmed with the passphrase. */
function KeyActions() {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [confirmRotate, setConfirmRotate] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);

  async function run(channel: 'vault.newRecoveryKey' | 'vault.rotateKey') {
    setError(null);
    setBusy(true);
    try {
      setRecoveryKey((await invoke(channel, { passphrase })).recoveryKey);
      setPassphrase('');
      setConfirmRotate(false);
    } catch (caught) {
      setError(errorCodeOf(caught));
    } finally {
      setBusy(false);
    }
  }

  if (recoveryKey) return <RecoveryKeyNotice recoveryKey={recoveryKey} onDone={() => setRecoveryKey(null)} />;
  return (
    <div className="card" role="group" aria-label={t('security.keysTitle')}>
      <h3>{t('security.keysTitle')}</h3>
      <p className="hint">{t('security.keysHint')}</p>
      <CurrentPassphrase id="keys-passphrase" value={passphrase} onChange={setPassphrase} />
      <ErrorMessage code={error} />
      <div className="actions">
        <button type="button" className="secondary" disabled={busy || !passphrase} onClick={() => void run('vault.newRecoveryKey')}>
          {t('security.newRecoveryKey')}
        </button>
        {!confirmRotate ? (
          <button type="button" className="secondary" disabled={busy || !passphrase} onClick={() => setConfirmRotate(true)}>
            {t('security.rotate')}
          </button>
        ) : (
          <div role="alertdialog" aria-label={t('security.rotateQuestion')} className="confirm">
            <p>{t('security.rotateQuestion')}</p>
            <button type="button" disabled={busy} onClick={() => void run('vault.rotateKey')}>
              {t('security.rotateConfirm')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirmRotate(false)}>
              {t('form.cancel')}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}

export function SecuritySection() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="security-title">
      <h2 id="security-title">{t('security.title')}</h2>
      <ChangePassphraseForm />
      <KeyActions />
    </section>
  );
}
