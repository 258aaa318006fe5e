import type { TFunction } from 'i18next';
import type { CaseRecord } from '../../../../shared/contract';

/** How the adviser names a reporter on screen: their name, or their place when none was recorded. */
export const reporterLabel = (record: CaseRecord, position: number, t: TFunction) =>
  record.reporters[position]?.name.trim() || t('access.reporterNumber', { number: position + 1 });
