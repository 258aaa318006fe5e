import { useTranslation } from 'react-i18next';
import { VAULT_FUNCTIONS } from '../../../../shared/taxonomy';
import { useSettingsStore } from '../../stores/settingsStore';
import { SaveOutcome, useSettingChange } from './settingChange';

/** Which functions receive reports under the organisation's whistleblower procedure: only they mark a case as one. */
export function ProcedureFunctions() {
  const { t } = useTranslation();
  const settings = useSettingsStore((state) => state.settings);
  const { save, status, error } = useSettingChange();
  if (!settings) return null;
  const chosen = settings.procedureFunctions;
  return (
    <section className="card" aria-labelledby="procedure-functions-title">
      <fieldset>
        <legend id="procedure-functions-title">{t('procedure.functions')}</legend>
        <p className="hint">{t('procedure.functionsHint')}</p>
        {VAULT_FUNCTIONS.map((code) => (
          <label key={code} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.includes(code)}
              onChange={(event) => void save({ procedureFunctions: VAULT_FUNCTIONS.filter((other) => (other === code ? event.target.checked : chosen.includes(other))) })}
            />
            {t(`taxonomy.vaultFunction.${code}`)}
          </label>
        ))}
      </fieldset>
      <SaveOutcome status={status} error={error} />
    </section>
  );
}
