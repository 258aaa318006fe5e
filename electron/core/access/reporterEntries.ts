import type { CaseRecord, Conversation } from '../../../shared/contract';

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A reporter's name as whole words, whatever the case and the spacing, accents composed or not:
 * "Jan" is not in "Janneke". Null for a reporter recorded without a name.
 */
function namePattern(name: string): RegExp | null {
  const words = name.normalize('NFC').trim().split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.map(escaped).join('\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
}

/** Whether `text` names the reporter as whole words; a reporter recorded without a name is named nowhere. */
export const names = (text: string, name: string) => {
  const pattern = namePattern(name);
  return pattern !== null && pattern.test(text.normalize('NFC'));
};

/**
 * Whose an entry is, by who took part in it: the reporter's own (naming them and no other
 * reporter), shared (naming them and another), another's (naming only others), or the case's
 * (naming no reporter). A case with one reporter has only that reporter's entries.
 */
export type EntryOwner = 'own' | 'shared' | 'other' | 'case';

export function entryOwner(record: CaseRecord, entry: Conversation, position: number): EntryOwner {
  if (record.reporters.length <= 1) return 'own';
  const named = record.reporters.flatMap((reporter, index) => (names(entry.participants, reporter.name) ? [index] : []));
  if (named.length === 0) return 'case';
  if (!named.includes(position)) return 'other';
  return named.length === 1 ? 'own' : 'shared';
}

/** What a dossier for the reporter holds: every entry that is not only another reporter's. */
export const entriesInDossier = (record: CaseRecord, position: number) => record.conversations.filter((entry) => entryOwner(record, entry, position) !== 'other');

/** The entries an erasure keeps but that name the reporter among who took part: their name goes from there. */
export const entriesSharedWith = (record: CaseRecord, position: number) => record.conversations.filter((entry) => entryOwner(record, entry, position) === 'shared');

/** Who took part, without the reporter's name and the separator it leaves behind. */
export function withoutName(participants: string, name: string): string {
  const pattern = namePattern(name);
  if (pattern === null) return participants;
  return participants
    .normalize('NFC')
    .replace(pattern, '')
    .replace(/\s*[,;]\s*(?=[,;]|$)/g, '')
    .replace(/^\s*[,;]\s*/, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** What an erasure of the reporter destroys: the entries that concern them alone. */
export const entriesOnlyOf = (record: CaseRecord, position: number) => record.conversations.filter((entry) => entryOwner(record, entry, position) === 'own');
