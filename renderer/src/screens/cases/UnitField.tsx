import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, TextField } from '../../components/form/fields';

/**
 * With a team, the unit comes from the team's list (what the export may count by); a value from
 * before the list stays selectable so editing an older case loses nothing. Without a team it is
 * the adviser's own note and never leaves the vault.
 */
export function UnitField({ label, value, units, onChange, error }: { label: string; value: string; units: string[] | null; onChange(value: string): void; error?: string }) {
  const { t } = useTranslation();
  const id = useId();
  if (!units || units.length === 0) return <TextField label={label} value={value} onChange={onChange} error={error} />;
  const options = value && !units.includes(value) ? [...units, value] : units;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('form.notRecorded')}</option>
        {options.map((unit) => (
          <option key={unit} value={unit}>
            {units.includes(unit) ? unit : t('caseForm.unitNotInList', { unit })}
          </option>
        ))}
      </select>
      <FieldError error={error} />
    </div>
  );
}
