import type { TFunction } from 'i18next';
import { GROUP_KEY_PREFIX } from '../schemas/groupings';
import type { TaxonomyList } from '../i18n/taxonomyLists';

/** The lists a report row or column can come from. */
export type LabelList = TaxonomyList | 'hierarchy' | 'bystander' | 'adviser';

/** Turns a row or column key of the report into the words the publication shows. */
export type KeyLabel = (key: string) => string;

const ADVISER_KEY = /^adviser:(\d+):(external|internal)$/;

/**
 * Report keys are taxonomy codes of one list, plus what the report adds: a team's named group,
 * "not recorded", a numbered faculty adviser, and the columns of the hierarchy and bystander crosses.
 */
export function keyLabel(t: TFunction, list: LabelList): KeyLabel {
  return (key) => {
    if (key.startsWith(GROUP_KEY_PREFIX)) return key.slice(GROUP_KEY_PREFIX.length);
    if (key === 'not_recorded') return t('form.notRecorded');
    if (list === 'adviser') {
      const [, number, kind] = ADVISER_KEY.exec(key) ?? [];
      return number ? t('team.adviserRow', { number, kind: t(`team.${kind}`) }) : key;
    }
    if (list === 'hierarchy' || list === 'bystander') return t(`team.${list}.${key}`);
    return t(`taxonomy.${list}.${key}`);
  };
}

