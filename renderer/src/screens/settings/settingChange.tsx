import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsUpdate } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAttempt } from '../../hooks/useAttempt';
import { useSettingsStore } from '../../stores/settingsStore';

/**
 * The one way a setting is saved: as soon as it is changed, confirmed by "saved" beside it, or
 * refused with the reason. No screen has a separate save button for preferences.
 */
export function useSettingChange() {
  const { t } = useTranslation();
  const update = useSettingsStore((state) => state.update);
  const { status, error, attempt } = useAttempt();
  const save = (changes: Partial<SettingsUpdate>) =>
    attempt(async () => {
      await update(changes);
      return t('settings.saved');
    });
  return { save, status, error, attempt };
}

export function SaveOutcome({ status, error }: { status: string | null; error: ErrorCode | null }) {
  return (
    <>
      <ErrorMessage code={error} />
      {status && (
        <p role="status" className="saved">
          {status}
        </p>
      )}
    </>
  );
}

/**
 * A whole-number setting: saved once what is typed is within bounds; until then the field says
 * what it accepts and the stored value stays in force.
 */
export function SettingNumberField({ label, value, min, max, onSave }: { label: string; value: number; min: number; max: number; onSave(value: number): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(String(value));
  const accepted = (typed: string) => {
    const number = Number(typed);
    return typed.trim() !== '' && Number.isInteger(number) && number >= min && number <= max ? number : null;
  };
  const valid = accepted(text) !== null;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          const number = accepted(event.target.value);
          if (number !== null && number !== value) onSave(number);
        }}
        aria-invalid={!valid}
        aria-describedby={`${id}-error`}
      />
      {!valid && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {t('validation.wholeNumberRange', { min, max })}
        </p>
      )}
    </div>
  );
}
