import { SIGNAL_HITS_MAX, type Language, type SignalSearchResponse } from '../../../shared/contract';
import type { Nature } from '../../../shared/taxonomy';
import { translatorFor } from '../i18n/translator';
import { foldedText, matchText, typedWords } from '../searchText';
import type { Db } from '../vault/database';

/** Neither a unit nor a note holds a line break (ShortText), so one line is one signal. */
const LINE = '\n';

interface Themes {
  themeNames: Record<Nature, string>;
  foldedThemes: Record<Nature, string>;
}

/** The interface's own words, looked up once per language: i18next takes some 25 µs a lookup. */
const themes: Partial<Record<Language, Themes>> = {};
function themesIn(language: Language): Themes {
  return (themes[language] ??= namedThemes(language));
}

function namedThemes(language: Language): Themes {
  const themeNames = translatorFor(language)('taxonomy.nature', { returnObjects: true }) as Record<Nature, string>;
  const foldedThemes = Object.fromEntries(Object.entries(themeNames).map(([nature, name]) => [nature, foldedText(name)])) as Record<Nature, string>;
  return { themeNames, foldedThemes };
}

/**
 * Signals are few (a few hundred a year) and have no search index: each search reads them all
 * inside the vault and keeps those whose unit, theme (by its name in the adviser's language) or
 * note holds every typed word, as a case's search does, newest first. SQLite hands them over as one
 * text, folded at once, so a signal without the typed letters costs a substring test; only the
 * rest are read word by word for their snippet.
 */
export function searchSignals(db: Db, search: string, language: Language): SignalSearchResponse {
  const words = typedWords(search);
  if (words.length === 0) return { total: 0, rows: [] };
  const { themeNames, foldedThemes } = themesIn(language);
  const all = db
    .prepare("SELECT group_concat(id, ','), group_concat(noted_on, ','), group_concat(theme, ','), group_concat(unit || char(10) || note, char(10)) FROM signals")
    .raw()
    .get() as [string | null, string | null, string | null, string | null];
  if (all[0] === null) return { total: 0, rows: [] };
  const ids = all[0].split(',').map(Number);
  const dates = all[1]!.split(',');
  const themes = all[2]!.split(',') as Nature[];
  const lines = all[3]!.split(LINE);
  const folded = foldedText(all[3]!).split(LINE);
  const hits: SignalSearchResponse['rows'] = [];
  ids.forEach((id, index) => {
    const [unit, note] = [lines[2 * index]!, lines[2 * index + 1]!];
    const text = `${folded[2 * index]} ${folded[2 * index + 1]} ${foldedThemes[themes[index]!]}`;
    if (!words.every((word) => text.includes(word))) return;
    const found = matchText([unit, themeNames[themes[index]!], note].filter(Boolean).join(' · '), words);
    if (found?.complete) hits.push({ id, notedOn: dates[index]!, theme: themes[index]!, snippet: found.snippet });
  });
  hits.sort((a, b) => (a.notedOn === b.notedOn ? b.id - a.id : a.notedOn < b.notedOn ? 1 : -1));
  return { total: hits.length, rows: hits.slice(0, SIGNAL_HITS_MAX) };
}
