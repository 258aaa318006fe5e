import { describe, expect, it } from 'vitest';
import en from '../../../shared/i18n/locales/en.json';
import nl from '../../../shared/i18n/locales/nl.json';
import { OPERATION_PHASES } from '../../../shared/events';
import { TAXONOMY } from '../../../shared/i18n/taxonomyLists';
import { ERROR_CODES } from '../../../shared/errors';
import { formatDateTime } from '../screens/cases/format';
import { i18n } from './i18n';

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

  it('explain every error code the core can send, in both languages', () => {
    for (const locale of [nl, en] as unknown as { errors: Record<string, string> }[]) {
      for (const code of ERROR_CODES) expect(locale.errors[code]?.trim().length ?? 0, code).toBeGreaterThan(0);
    }
  });

  it('set <html lang> to the language chosen, and show times on a 24-hour clock in both', async () => {
    await i18n.changeLanguage('en');
    expect(document.documentElement.lang).toBe('en');
    expect(formatDateTime('2026-03-14T20:30', 'en')).toMatch(/20:30/);
    await i18n.changeLanguage('nl');
    expect(document.documentElement.lang).toBe('nl');
    expect(formatDateTime('2026-03-14T20:30', 'nl')).toMatch(/20:30/);
  });

  it('name every long operation and each of its phases in both languages', () => {
    for (const locale of [nl, en] as unknown as { progress: Record<string, Record<string, string>> }[]) {
      for (const [operation, phases] of Object.entries(OPERATION_PHASES)) {
        expect(Object.keys(locale.progress[operation]!).sort(), operation).toEqual(['title', ...phases].sort());
      }
    }
  });
});
