import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LocalDateTime } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/errors';
import { INTAKE_ROUTES, type IntakeRoute } from '../../../../shared/taxonomy';
import { localMinute } from '../../../../shared/time';
import { errorCodeOf } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useCasesStore } from '../../stores/casesStore';

function dateProblem(value: string): 'required' | 'invalidDate' | 'futureDate' | null {
  if (!value) return 'required';
  if (!LocalDateTime.safeParse(value).success) return 'invalidDate';
  if (value > localMinute(new Date())) return 'futureDate';
  return null;
}

export function AddCaseForm() {
  const { t } = useTranslation();
  const add = useCasesStore((state) => state.add);
  const [firstContactAt, setFirstContactAt] = useState(() => localMinute(new Date()));
  const [intakeRoute, setIntakeRoute] = useState<IntakeRoute>('direct');
  const [error, setError] = useState<ErrorCode | null>(null);
  const [added, setAdded] = useState(false);
  const problem = dateProblem(firstContactAt);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setAdded(false);
    if (problem) return;
    try {
      await add({ firstContactAt, intakeRoute });
      setAdded(true);
    } catch (caught) {
      setError(errorCodeOf(caught));
    }
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="add-case-title">
      <h2 id="add-case-title">{t('home.addTitle')}</h2>
      <label htmlFor="case-first-contact">{t('home.firstContact')}</label>
      <input
        id="case-first-contact"
        type="datetime-local"
        value={firstContactAt}
        max={localMinute(new Date())}
        onChange={(event) => setFirstContactAt(event.target.value)}
        aria-invalid={problem !== null}
      />
      {problem && (
        <p className="field-error" role="alert">
          {t(`validation.${problem}`)}
        </p>
      )}
      <label htmlFor="case-intake-route">{t('home.intakeRoute')}</label>
      <select id="case-intake-route" value={intakeRoute} onChange={(event) => setIntakeRoute(event.target.value as IntakeRoute)}>
        {INTAKE_ROUTES.map((route) => (
          <option key={route} value={route}>
            {t(`taxonomy.intakeRoute.${route}`)}
          </option>
        ))}
      </select>
      <ErrorMessage code={error} />
      <button type="submit" disabled={problem !== null}>
        {t('home.add')}
      </button>
      {added && <p role="status">{t('home.added')}</p>}
    </form>
  );
}
