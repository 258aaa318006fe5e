import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../../../shared/contract';
import { formatDate } from '../cases/format';

/** Who an import is from and what it covers, without naming anyone: the adviser's short id. */
export function useImportDescription() {
  const { t, i18n } = useTranslation();
  return {
    adviser: (item: ImportSummary) => t('team.adviserId', { id: item.adviser }),
    function: (item: ImportSummary) => `${t(`taxonomy.vaultFunction.${item.function}`)}${item.external ? ` (${t('team.external')})` : ''}`,
    period: (item: ImportSummary) => `${formatDate(item.period.from, i18n.language)} – ${formatDate(item.period.to, i18n.language)}`,
    exportedOn: (item: ImportSummary) => formatDate(item.exportedOn, i18n.language),
  };
}

export function ImportSummaryText({ item }: { item: ImportSummary }) {
  const { t } = useTranslation();
  const describe = useImportDescription();
  return (
    <>
      {t('team.importLine', {
        adviser: describe.adviser(item),
        function: describe.function(item),
        period: describe.period(item),
        exportedOn: describe.exportedOn(item),
        count: item.reports,
      })}
    </>
  );
}
