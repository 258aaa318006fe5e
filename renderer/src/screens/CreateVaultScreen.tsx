import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultFunction } from '../../../shared/taxonomy';
import { ErrorMessage } from '../components/ErrorMessage';
import { Checkbox, CodeSelect } from '../components/form/fields';
import { NewPassphraseFields } from '../components/NewPassphraseFields';
import { useNewPassphraseForm } from '../components/useNewPassphraseForm';
import { useSessionStore } from '../stores/sessionStore';

export function CreateVaultScreen() {
  const { t } = useTranslation();
  const create = useSessionStore((state) => state.create);
  const [fn, setFn] = useState<VaultFunction | null>(null);
  const [external, setExternal] = useState(false);
  const form = useNewPassphraseForm({
    complete: fn !== null,
    send: (passphrase) => create(passphrase, fn!, external && fn === 'faculty_confidential_adviser'),
  });

  return (
    <main className="gate">
      <form onSubmit={form.onSubmit} noValidate aria-labelledby="create-title">
        <h1 id="create-title">{t('create.title')}</h1>
        <p>{t('create.intro')}</p>
        <CodeSelect
          list="vaultFunction"
          label={t('create.function')}
          value={fn}
          onChange={setFn}
          emptyLabel={t('create.chooseFunction')}
          error={form.submitted && !fn ? 'required' : undefined}
        />
        {fn === 'faculty_confidential_adviser' && <Checkbox label={t('create.external')} checked={external} onChange={setExternal} />}
        <NewPassphraseFields {...form.fields} labels={{ passphrase: t('create.passphrase'), repeat: t('create.repeat') }} autoFocus />
        <ErrorMessage code={form.error} />
        <button type="submit" disabled={form.busy}>
          {form.busy ? t('create.busy') : t('create.submit')}
        </button>
      </form>
    </main>
  );
}
