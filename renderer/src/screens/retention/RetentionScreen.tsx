import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { useCoreQuery } from '../../api/useCoreQuery';
import { useAttempt } from '../../hooks/useAttempt';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorMessage } from '../../components/ErrorMessage';
import { StaleBackupsCard } from '../../components/StaleBackupsCard';
import { useSettingsStore } from '../../stores/settingsStore';
import { formatDate } from '../cases/format';
import { SaveOutcome, SettingNumberField, useSettingChange } from '../settings/settingChange';

const readDue = () => invoke('retention.due', {});

/** Cases past their retention, reviewed and destroyed so that nothing readable remains. */
export function RetentionScreen() {
  const { t, i18n } = useTranslation();
  const settings = useSettingsStore((state) => state.settings);
  const setting = useSettingChange();
  const [unselected, setUnselected] = useState<Set<number>>(new Set());
  const { status, error: actionError, attempt } = useAttempt();
  // What is due follows the retention setting, which the core reads itself.
  const query = useCoreQuery(readDue, settings?.retentionYears);
  const due = query.data ?? [];
  // Every due case starts selected; the adviser takes out what must stay.
  const selected = new Set(due.map((item) => item.id).filter((id) => !unselected.has(id)));
  const setSelected = (next: Set<number>) => setUnselected(new Set(due.map((item) => item.id).filter((id) => !next.has(id))));

  const destroy = () =>
    attempt(async () => {
      const { destroyed } = await invoke('retention.destroy', { ids: [...selected] });
      await query.reload();
      return t('retention.destroyed', { count: destroyed });
    });

  return (
    <div className="retention">
      <h1>{t('retention.title')}</h1>
      <p className="hint">{t('retention.hint')}</p>
      {settings && (
        <>
          <SettingNumberField label={t('retention.years')} value={settings.retentionYears} min={0} max={30} onSave={(retentionYears) => void setting.save({ retentionYears })} />
          <SaveOutcome status={setting.status} error={setting.error} />
        </>
      )}
      {due.length === 0 ? (
        <p className="empty">{t('retention.none')}</p>
      ) : (
        <table aria-label={t('retention.title')}>
          <thead>
            <tr>
              <th />
              <th scope="col">{t('retention.case')}</th>
              <th scope="col">{t('caseForm.closedOn')}</th>
              <th scope="col">{t('caseForm.destroyBy')}</th>
            </tr>
          </thead>
          <tbody>
            {due.map((item) => (
              <tr key={item.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('caseList.caseNumber', { number: item.number })}
                    checked={selected.has(item.id)}
                    onChange={(event) => {
                      const next = new Set(selected);
                      if (event.target.checked) next.add(item.id);
                      else next.delete(item.id);
                      setSelected(next);
                    }}
                  />
                </td>
                <td>
                  {t('caseList.caseNumber', { number: item.number })} {item.label}
                </td>
                <td>{item.closedOn ? formatDate(item.closedOn, i18n.language) : '—'}</td>
                <td>{item.destroyBy ? formatDate(item.destroyBy, i18n.language) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {selected.size > 0 && (
        <ConfirmButton
          label={t('retention.destroy', { count: selected.size })}
          question={t('retention.confirm', { count: selected.size })}
          confirmLabel={t('form.confirmDelete')}
          onConfirm={destroy}
        />
      )}
      {/* Read again with every reading of what is due, so after each destruction too. */}
      <StaleBackupsCard reason="destruction" heading="h2" after={query.data} />
      <ErrorMessage code={actionError ?? query.error} />
      {status && <p role="status">{status}</p>}
    </div>
  );
}
