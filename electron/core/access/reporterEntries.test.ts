import { describe, expect, it } from 'vitest';
import type { CaseRecord, Conversation } from '../../../shared/contract';
import { entryOwner, withoutName } from './reporterEntries';

const entry = (participants: string) => ({ participants }) as Conversation;
const joint = (...names: string[]) => ({ reporters: names.map((name) => ({ name })) }) as CaseRecord;

describe('whose an entry is', () => {
  it('reads reporters named as whole words, in any case, spacing and composition of accents', () => {
    const record = joint('Jan', 'Janneke de Vries', 'Małgorzata Wiśniewska');
    expect(entryOwner(record, entry('Janneke  de vries'), 0)).toBe('other');
    expect(entryOwner(record, entry('Janneke de Vries'), 1)).toBe('own');
    expect(entryOwner(record, entry('jan, Janneke de Vries'), 0)).toBe('shared');
    expect(entryOwner(record, entry('MAŁGORZATA WIŚNIEWSKA'.normalize('NFD')), 2)).toBe('own');
    expect(entryOwner(record, entry('de leidinggevende'), 0)).toBe('case');
  });

  it('is always the only reporter’s in a case with one, and nobody’s by name when a reporter has none', () => {
    expect(entryOwner(joint('Jan'), entry('iemand anders'), 0)).toBe('own');
    expect(entryOwner(joint('', 'Jan'), entry('Jan'), 0)).toBe('other');
  });
});

describe('a name taken out of who took part', () => {
  it('leaves the others and no stray separator, and never cuts another name that begins the same', () => {
    expect(withoutName('Małgorzata Wiśniewska, Jan', 'Jan')).toBe('Małgorzata Wiśniewska');
    expect(withoutName('Jan; Janneke, tolk', 'Jan')).toBe('Janneke, tolk');
    expect(withoutName('Anna, Jan, Piet', 'jan')).toBe('Anna, Piet');
    expect(withoutName('Janneke', 'Jan')).toBe('Janneke');
    expect(withoutName('Jan', '')).toBe('Jan');
  });
});
