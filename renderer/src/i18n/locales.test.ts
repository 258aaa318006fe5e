import { describe, expect, it } from 'vitest';
import en from '../../../shared/i18n/locales/en.json';
import nl from '../../../shared/i18n/locales/nl.json';
import { OPERATION_PHASES } from '../../../shared/events';
import { TAXONOMY } from '../../../shared/i18n/taxonomyLists';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key));
}

describe('translations', () => {
  it('have the same keys in Dutch and English', () => {
    expect(keys(nl).sort()).toEqual(keys(en).sort());
  });

  it('label every taxonomy code in both languages, and nothing else', () => {
    for (const locale of [nl, en] as unknown as Record<string, Record<string, Record<string, string>>>[]) {
      for (const [list, codes] of Object.entries(TAXONOMY)) {
        expect(Object.keys(locale.taxonomy![list] ?? {}).sort(), list).toEqual([...codes].sort());
        for (const code of codes) expect(locale.taxonomy![list]![code]!.trim().length).toBeGreaterThan(0);
      }
      expect(Object.keys(locale.taxonomy!).sort()).toEqual(Object.keys(TAXONOMY).sort());
    }
  });

  it('name every long operation and each of its phases in both languages', () => {
    for (const locale of [nl, en] as unknown as { progress: Record<string, Record<string, string>> }[]) {
      for (const [operation, phases] of Object.entries(OPERATION_PHASES)) {
        expect(Object.keys(locale.progress[operation]!).sort(), operation).toEqual(['title', ...phases].sort());
      }
    }
  });
});
