import type { CaseRecord, Conversation } from '../../../shared/contract';

/** Names compared as written, whatever the case, accents composed or not, and the spacing. */
const folded = (text: string) => text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

/** The positions of the case's reporters an entry names among who took part. */
function namedIn(entry: Conversation, names: string[]): number[] {
  const participants = folded(entry.participants);
  return names.flatMap((name, position) => (name !== '' && participants.includes(name) ? [position] : []));
}

/**
 * Whose an entry is, by who took part in it: the reporter's own (naming them and no other
 * reporter), shared (naming them and another), another's (naming only others), or the case's
 * (naming no reporter). A case with one reporter has only that reporter's entries.
 */
export type EntryOwner = 'own' | 'shared' | 'other' | 'case';

export function entryOwner(record: CaseRecord, entry: Conversation, position: number): EntryOwner {
  if (record.reporters.length <= 1) return 'own';
  const named = namedIn(entry, record.reporters.map((reporter) => folded(reporter.name)));
  if (named.length === 0) return 'case';
  if (!named.includes(position)) return 'other';
  return named.length === 1 ? 'own' : 'shared';
}

/** What a dossier for the reporter holds: every entry that is not only another reporter's. */
export const entriesInDossier = (record: CaseRecord, position: number) => record.conversations.filter((entry) => entryOwner(record, entry, position) !== 'other');

/** The entries an erasure keeps but that name the reporter among who took part: their name goes from there. */
export const entriesSharedWith = (record: CaseRecord, position: number) => record.conversations.filter((entry) => entryOwner(record, entry, position) === 'shared');

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Who took part, without the reporter's name and the separator it leaves behind. */
export function withoutName(participants: string, name: string): string {
  const pattern = new RegExp(escaped(name.normalize('NFC').trim()).replace(/\s+/g, '\\s+'), 'giu');
  return participants
    .normalize('NFC')
    .replace(pattern, '')
    .replace(/\s*([,;])\s*(?=[,;]|$)/g, '')
    .replace(/^\s*[,;]\s*/, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** What an erasure of the reporter destroys: the entries that concern them alone. */
export const entriesOnlyOf = (record: CaseRecord, position: number) => record.conversations.filter((entry) => entryOwner(record, entry, position) === 'own');
