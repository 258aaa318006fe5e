import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultFunction } from '../../../shared/taxonomy';
import { ErrorMessage } from '../components/ErrorMessage';
import { ErrorSummary } from '../components/form/ErrorSummary';
import { Checkbox, CodeSelect } from '../components/form/fields';
import type { FieldErrors } from '../components/form/fieldErrors';
import { NewPassphraseFields } from '../components/NewPassphraseFields';
import { passphraseProblem } from '../components/passphraseStrength';
import { useNewPassphraseForm } from '../components/useNewPassphraseForm';
import { useSessionStore } from '../stores/sessionStore';

/** The function is the first choice and the first field: the caret starts there, above the passphrase. */
export function CreateVaultScreen() {
  const { t } = useTranslation();
  const create = useSessionStore((state) => state.create);
  const [fn, setFn] = useState<VaultFunction | null>(null);
  const [external, setExternal] = useState(false);
  const form = useNewPassphraseForm({
    complete: fn !== null,
    send: (passphrase) => create(passphrase, fn!, external && fn === 'faculty_confidential_adviser'),
  });
  // What the summary lists, once a submit was tried: the same checks the submit makes.
  const problem = form.submitted ? passphraseProblem(form.fields.passphrase, form.fields.repeat) : null;
  const shown: FieldErrors = form.submitted ? { ...(fn ? {} : { function: 'required' }), ...(problem ? { passphrase: problem } : {}) } : {};

  return (
    <main className="gate">
      <form onSubmit={form.onSubmit} noValidate aria-labelledby="create-title">
        <h1 id="create-title">{t('create.title')}</h1>
        <p>{t('create.intro')}</p>
        <ErrorSummary form={{ shown, refusals: form.refusals }} />
        <CodeSelect
          list="vaultFunction"
          label={t('create.function')}
          value={fn}
          onChange={setFn}
          emptyLabel={t('create.chooseFunction')}
          error={shown.function}
          autoFocus
        />
        <p className="hint">{t('create.functionFixed')}</p>
        {fn === 'faculty_confidential_adviser' && <Checkbox label={t('create.external')} checked={external} onChange={setExternal} />}
        <NewPassphraseFields {...form.fields} labels={{ passphrase: t('create.passphrase'), repeat: t('create.repeat') }} />
        <ErrorMessage code={form.error} />
        <button type="submit" disabled={form.busy}>
          {form.busy ? t('create.busy') : t('create.submit')}
        </button>
      </form>
    </main>
  );
}
