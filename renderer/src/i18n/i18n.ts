import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../../shared/i18n/locales/en.json';
import nl from '../../../shared/i18n/locales/nl.json';

export const i18n = i18next.createInstance();

// Screen readers pick their voice from <html lang>: it follows the app's language, not the build's.
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: 'nl',
  fallbackLng: 'en',
  // React escapes everything it renders; i18next must not escape a second time.
  interpolation: { escapeValue: false },
  returnNull: false,
});
