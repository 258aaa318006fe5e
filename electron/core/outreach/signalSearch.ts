import { SIGNAL_HITS_MAX, type Language, type SignalSearchResponse } from '../../../shared/contract';
import type { Nature } from '../../../shared/taxonomy';
import { translatorFor } from '../i18n/translator';
import { matchText, typedWords } from '../searchText';
import type { Db } from '../vault/database';

/**
 * Signals are few (a few hundred a year) and have no search index: each search reads them all
 * inside the vault, newest first, and keeps those whose unit, theme (by its name in the adviser's
 * language) or note holds every typed word, as a case's search does.
 */
export function searchSignals(db: Db, search: string, language: Language): SignalSearchResponse {
  const words = typedWords(search);
  if (words.length === 0) return { total: 0, rows: [] };
  const t = translatorFor(language);
  const themes = new Map<Nature, string>();
  const themeName = (theme: Nature) => themes.get(theme) ?? themes.set(theme, t(`taxonomy.nature.${theme}`)).get(theme)!;
  const signals = db.prepare('SELECT id, noted_on AS notedOn, unit, theme, note FROM signals ORDER BY noted_on DESC, id DESC').all() as {
    id: number;
    notedOn: string;
    unit: string;
    theme: Nature;
    note: string;
  }[];
  const rows: SignalSearchResponse['rows'] = [];
  let total = 0;
  for (const signal of signals) {
    const found = matchText([signal.unit, themeName(signal.theme), signal.note].filter(Boolean).join(' · '), words);
    if (!found?.complete) continue;
    total++;
    if (rows.length < SIGNAL_HITS_MAX) rows.push({ id: signal.id, notedOn: signal.notedOn, theme: signal.theme, snippet: found.snippet });
  }
  return { total, rows };
}
