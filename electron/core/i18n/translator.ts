import i18next, { type TFunction } from 'i18next';
import en from '../../../shared/i18n/locales/en.json';
import nl from '../../../shared/i18n/locales/nl.json';
import type { Language } from '../../../shared/schemas/primitives';

const instance = i18next.createInstance();
void instance.init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: 'nl',
  fallbackLng: 'en',
  initAsync: false,
  // The words go into files (Word, Excel, CSV, PDF), never into HTML: nothing to escape here.
  interpolation: { escapeValue: false },
});

/** The interface's own words, for the files the core writes (publication, recovery sheet) in the language asked for. */
export function translatorFor(language: Language): TFunction {
  return instance.getFixedT(language);
}

const LOCALE: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

/** A day written out ("1 april 2022", "1 April 2022"). */
export function longDate(language: Language, isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(LOCALE[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day));
}
