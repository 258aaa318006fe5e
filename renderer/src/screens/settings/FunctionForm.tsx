import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/errors';
import type { VaultFunction } from '../../../../shared/taxonomy';
import { errorCodeOf } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Checkbox, CodeSelect } from '../../components/form/fields';
import { useProfileStore } from '../../stores/profileStore';

/** The vault's function and, for a faculty adviser, whether they come from outside the organisation. */
export function FunctionForm() {
  const profile = useProfileStore((state) => state.profile);
  if (!profile) return null;
  return <FunctionFields profile={profile} />;
}

function FunctionFields({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const update = useProfileStore((state) => state.update);
  const [fn, setFn] = useState<VaultFunction>(profile.function);
  const [external, setExternal] = useState(profile.external);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const faculty = fn === 'faculty_confidential_adviser';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    setError(null);
    try {
      await update({ function: fn, external: faculty && external });
      setSaved(true);
    } catch (caught) {
      setError(errorCodeOf(caught));
    }
  }

  return (
    <form className="card" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="function-title">
      <h2 id="function-title">{t('settings.functionTitle')}</h2>
      <p className="hint">{t('settings.functionHint')}</p>
      <p className="hint">{t('settings.functionLockedHint')}</p>
      <CodeSelect list="vaultFunction" label={t('settings.function')} value={fn} onChange={(next) => next && setFn(next)} />
      {faculty && <Checkbox label={t('create.external')} checked={external} onChange={setExternal} />}
      <ErrorMessage code={error} />
      <button type="submit">{t('settings.saveFunction')}</button>
      {saved && <p role="status">{t('settings.saved')}</p>}
    </form>
  );
}
