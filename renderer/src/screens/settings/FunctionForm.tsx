import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../../shared/contract';
import { Checkbox, CodeSelect } from '../../components/form/fields';
import { useAttempt } from '../../hooks/useAttempt';
import { useProfileStore } from '../../stores/profileStore';
import { SaveOutcome } from './settingChange';

/** The vault's function and, for a faculty adviser, whether they come from outside the organisation. */
export function FunctionForm() {
  const profile = useProfileStore((state) => state.profile);
  if (!profile) return null;
  return <FunctionFields profile={profile} />;
}

function FunctionFields({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const update = useProfileStore((state) => state.update);
  const { status, error, attempt } = useAttempt();
  const faculty = profile.function === 'faculty_confidential_adviser';

  // Saved as soon as it is chosen, like every setting; a refused change leaves the stored one shown.
  const save = (next: Profile) =>
    attempt(async () => {
      await update({ function: next.function, external: next.function === 'faculty_confidential_adviser' && next.external });
      return t('settings.saved');
    });

  return (
    <section className="card" aria-labelledby="function-title">
      <h2 id="function-title">{t('settings.functionTitle')}</h2>
      <p className="hint">{t('settings.functionHint')}</p>
      <p className="hint">{t('settings.functionLockedHint')}</p>
      <CodeSelect list="vaultFunction" label={t('settings.function')} value={profile.function} onChange={(next) => next && void save({ ...profile, function: next })} />
      {faculty && <Checkbox label={t('create.external')} checked={profile.external} onChange={(external) => void save({ ...profile, external })} />}
      <SaveOutcome status={status} error={error} />
    </section>
  );
}
