import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCasesStore } from '../../stores/casesStore';

export function CaseTable() {
  const { t, i18n } = useTranslation();
  const { cases, loaded, load } = useCasesStore();
  useEffect(() => {
    void load();
  }, [load]);
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  if (loaded && cases.length === 0) return <p className="empty">{t('home.empty')}</p>;
  return (
    <table className="cases" aria-label={t('home.cases')}>
      <thead>
        <tr>
          <th scope="col">{t('home.columns.number')}</th>
          <th scope="col">{t('home.columns.firstContact')}</th>
          <th scope="col">{t('home.columns.route')}</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((item) => (
          <tr key={item.id}>
            <td>{t('home.caseNumber', { id: item.id })}</td>
            <td>{format.format(new Date(item.firstContactAt))}</td>
            <td>{t(`taxonomy.intakeRoute.${item.intakeRoute}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
