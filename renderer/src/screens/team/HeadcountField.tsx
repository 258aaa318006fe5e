import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../../shared/errors';
import { errorCodeOf, invoke } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { NumberField } from '../../components/form/fields';

const valid = (value: number | null) => value === null || (Number.isInteger(value) && value >= 1 && value <= 10_000_000);

/** The organisation's head-count for the year, entered once, so reporters show as a share of staff. */
export function HeadcountField({ year, headcount, onSaved }: { year: number; headcount: number | null; onSaved(): Promise<void> }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<number | null>(headcount);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    if (!valid(value)) return;
    try {
      await invoke('team.setHeadcount', { year, headcount: value });
      await onSaved();
      setSaved(true);
    } catch (caught) {
      setError(errorCodeOf(caught));
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('team.headcountTitle')} className="inline-form">
      <NumberField label={t('team.headcount', { year })} value={value} onChange={setValue} error={valid(value) ? undefined : 'invalidValue'} />
      <p className="hint">{t('team.headcountHint')}</p>
      <ErrorMessage code={error} />
      <button type="submit">{t('team.saveHeadcount')}</button>
      {saved && <p role="status">{t('team.headcountSaved')}</p>}
    </form>
  );
}
