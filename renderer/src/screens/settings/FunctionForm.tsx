import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { Checkbox, CodeSelect } from '../../components/form/fields';
import { useAttempt } from '../../hooks/useAttempt';
import { NO_FILTER } from '../../stores/caseListStore';
import { useProfileStore } from '../../stores/profileStore';
import { SaveOutcome } from './settingChange';

/**
 * Whether the vault holds any case: then the core refuses every change of the function (each case
 * was registered under it), so none is offered. Null until the vault has answered.
 */
function useHasCases(): boolean | null {
  const [hasCases, setHasCases] = useState<boolean | null>(null);
  useEffect(() => {
    let current = true;
    invoke('cases.list', { filter: NO_FILTER, sort: 'number_asc', offset: 0, limit: 1 })
      .then((list) => current && setHasCases(list.total > 0))
      .catch(() => current && setHasCases(false));
    return () => {
      current = false;
    };
  }, []);
  return hasCases;
}

/** The vault's function and, for a faculty adviser, whether they come from outside the organisation. */
export function FunctionForm() {
  const { t } = useTranslation();
  const profile = useProfileStore((state) => state.profile);
  const hasCases = useHasCases();
  if (!profile || hasCases === null) return null;
  return (
    <section className="card" aria-labelledby="function-title">
      <h2 id="function-title">{t('settings.functionTitle')}</h2>
      <p className="hint">{t('settings.functionHint')}</p>
      {hasCases ? <FixedFunction profile={profile} /> : <FunctionFields profile={profile} />}
    </section>
  );
}

function FixedFunction({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  return (
    <>
      <dl className="overview">
        <dt>{t('settings.function')}</dt>
        <dd data-testid="fixed-function">
          {t(`taxonomy.vaultFunction.${profile.function}`)}
          {profile.external && ` (${t('team.external')})`}
        </dd>
      </dl>
      <p>{t('settings.functionFixed')}</p>
    </>
  );
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
    <>
      <p className="hint">{t('settings.functionLockedHint')}</p>
      <CodeSelect list="vaultFunction" label={t('settings.function')} value={profile.function} onChange={(next) => next && void save({ ...profile, function: next })} />
      {faculty && <Checkbox label={t('create.external')} checked={profile.external} onChange={(external) => void save({ ...profile, external })} />}
      <SaveOutcome status={status} error={error} />
    </>
  );
}
