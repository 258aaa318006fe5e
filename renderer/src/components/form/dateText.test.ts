import { describe, expect, it } from 'vitest';
import { storedFromTyped, typedFromStored } from './dateText';

describe('typed dates', () => {
  it('reads day-month-year as the adviser writes it, with any separator, and a 24-hour time', () => {
    expect(storedFromTyped('04-03-2026', 'date')).toBe('2026-03-04');
    expect(storedFromTyped('4/3/2026', 'date')).toBe('2026-03-04');
    expect(storedFromTyped(' 4.3.2026 ', 'date')).toBe('2026-03-04');
    expect(storedFromTyped('04-03-2026 9:30', 'datetime-local')).toBe('2026-03-04T09:30');
    expect(storedFromTyped('04-03-2026 21.05', 'datetime-local')).toBe('2026-03-04T21:05');
    expect(storedFromTyped('2026-03-04T09:30', 'datetime-local')).toBe('2026-03-04T09:30');
    expect(storedFromTyped('2026-03-04', 'date')).toBe('2026-03-04');
  });

  it('refuses what is not a whole, real date', () => {
    for (const text of ['31-02-2026', '29-02-2025', '04-03-26', '04-13-2026', '04-03-2026 24:00', '04-03-2026 9:3', '', 'morgen']) {
      expect(storedFromTyped(text, text.includes(':') ? 'datetime-local' : 'date')).toBeNull();
    }
    expect(storedFromTyped('04-03-2026', 'datetime-local')).toBeNull();
    expect(storedFromTyped('29-02-2024', 'date')).toBe('2024-02-29');
  });

  it('shows a stored value day first, and anything else as it is', () => {
    expect(typedFromStored('2026-03-04', 'date')).toBe('04-03-2026');
    expect(typedFromStored('2026-03-04T20:30', 'datetime-local')).toBe('04-03-2026 20:30');
    expect(typedFromStored('4-3-20', 'date')).toBe('4-3-20');
    expect(typedFromStored('', 'date')).toBe('');
  });
});
