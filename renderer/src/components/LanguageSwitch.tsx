import { useTranslation } from 'react-i18next';
import { Language } from '../../../shared/contract';
import { useSettingsStore } from '../stores/settingsStore';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const update = useSettingsStore((state) => state.update);
  return (
    <label className="language">
      {t('language.label')}
      <select value={i18n.language} onChange={(event) => void update({ language: Language.parse(event.target.value) })}>
        {Language.options.map((code) => (
          <option key={code} value={code}>
            {t(`language.${code}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
