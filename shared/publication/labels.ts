import type { TFunction } from 'i18next';
import { GROUP_KEY_PREFIX } from '../schemas/groupings';
import type { TaxonomyList } from '../i18n/taxonomyLists';

/** The lists a report row or column can come from. */
export type LabelList = TaxonomyList | 'hierarchy' | 'bystander' | 'adviser';

/** Turns a row or column key of the report into the words the publication shows. */
export type KeyLabel = (key: string) => string;

const ADVISER_KEY = /^adviser:(\d+):(external|internal)$/;

/**
 * The app's own default groups, by the name they carry in the team's vault (Dutch, as the
 * reference report names them), and their words in every language. A name the team chose is
 * theirs and prints as they wrote it.
 */
export const DEFAULT_GROUP_LABELS: Record<string, string> = {
  'Direct leidinggevende of (co)promotor': 'supervisorOrPromotor',
  'Pesten en re-integratie': 'bullyingReintegration',
  Discriminatie: 'discrimination',
  'Overig: privé, mentaal, studenten': 'otherPrivateMentalStudents',
};

/** A group's row as the document prints it: a default group in the document's language, the team's own as written. */
export function groupLabel(t: TFunction, name: string): string {
  const own = DEFAULT_GROUP_LABELS[name];
  return own === undefined ? name : t(`publication.defaultGroup.${own}`);
}

/**
 * Report keys are taxonomy codes of one list, plus what the report adds: a team's named group,
 * "not recorded", a numbered faculty adviser, and the columns of the hierarchy and bystander crosses.
 */
export function keyLabel(t: TFunction, list: LabelList): KeyLabel {
  return (key) => {
    if (key.startsWith(GROUP_KEY_PREFIX)) return groupLabel(t, key.slice(GROUP_KEY_PREFIX.length));
    if (key === 'not_recorded') return t('form.notRecorded');
    if (list === 'adviser') {
      const [, number, kind] = ADVISER_KEY.exec(key) ?? [];
      return number ? t('team.adviserRow', { number, kind: t(`team.${kind}`) }) : key;
    }
    if (list === 'hierarchy' || list === 'bystander') return t(`team.${list}.${key}`);
    return t(`taxonomy.${list}.${key}`);
  };
}


/** Rows whose taxonomy word alone would read as another table's figure: the publication says what they count. */
const ROW_LABELS: Partial<Record<string, Record<string, string>>> = {
  handling: { mediation: 'publication.handlingMediation' },
};

/** The row labels of one report table (by its name in the report), with the words that table prints instead of the taxonomy's. */
export function tableRowLabel(t: TFunction, table: string, list: LabelList): KeyLabel {
  const taxonomy = keyLabel(t, list);
  return (key) => {
    const own = ROW_LABELS[table]?.[key];
    return own ? t(own) : taxonomy(key);
  };
}
