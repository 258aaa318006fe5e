import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueCase } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/errors';
import { errorCodeOf, invoke } from '../../api/client';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorMessage } from '../../components/ErrorMessage';
import { NumberField } from '../../components/form/fields';
import { useSettingsStore } from '../../stores/settingsStore';
import { formatDate } from '../cases/format';

/** Cases past their retention, reviewed and destroyed so that nothing readable remains. */
export function RetentionScreen() {
  const { t, i18n } = useTranslation();
  const { settings, update } = useSettingsStore();
  const [due, setDue] = useState<DueCase[]>([]);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [staleBackups, setStaleBackups] = useState(0);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);

  const load = useCallback(async () => {
    const cases = await invoke('retention.due', {});
    setDue(cases);
    setSelected(new Set(cases.map((item) => item.id)));
    setStaleBackups((await invoke('retention.staleBackups', {})).count);
  }, []);
  useEffect(() => {
    load().catch((caught: unknown) => setError(errorCodeOf(caught)));
  }, [load, settings?.retentionYears]);

  async function deleteStaleBackups() {
    setError(null);
    try {
      const { deleted } = await invoke('retention.deleteStaleBackups', {});
      setStatus(t('retention.backupsDeleted', { count: deleted }));
      await load();
    } catch (caught) {
      setError(errorCodeOf(caught));
    }
  }

  async function destroy() {
    setError(null);
    try {
      const { destroyed } = await invoke('retention.destroy', { ids: [...selected] });
      setStatus(t('retention.destroyed', { count: destroyed }));
      await load();
    } catch (caught) {
      setError(errorCodeOf(caught));
    }
  }

  return (
    <div className="retention">
      <h1>{t('retention.title')}</h1>
      <p className="hint">{t('retention.hint')}</p>
      {settings && (
        <NumberField
          label={t('retention.years')}
          value={settings.retentionYears}
          onChange={(retentionYears) => retentionYears !== null && retentionYears >= 0 && retentionYears <= 30 && void update({ retentionYears })}
        />
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
                    aria-label={t('caseList.caseNumber', { id: item.id })}
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
                  {t('caseList.caseNumber', { id: item.id })} {item.label}
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
      {staleBackups > 0 && (
        <section className="card" aria-labelledby="stale-backups-title">
          <h2 id="stale-backups-title">{t('retention.staleTitle')}</h2>
          <p>{t('retention.staleBackups', { count: staleBackups })}</p>
          <ConfirmButton
            label={t('retention.deleteBackups', { count: staleBackups })}
            question={t('retention.confirmDeleteBackups', { count: staleBackups })}
            confirmLabel={t('form.confirmDelete')}
            onConfirm={deleteStaleBackups}
          />
        </section>
      )}
      <ErrorMessage code={error} />
      {status && <p role="status">{status}</p>}
    </div>
  );
}
