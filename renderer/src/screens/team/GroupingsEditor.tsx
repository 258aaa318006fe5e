import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUPABLE_LISTS, Groupings, type GroupableList, type Grouping } from '../../../../shared/contract';
import type { ErrorCode } from '../../../../shared/errors';
import { errorCodeOf, invoke } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { fieldErrors, hasErrors } from '../../components/form/fieldErrors';
import { CodeCheckboxes, FieldError, TextField } from '../../components/form/fields';
import { ListEditor } from '../../components/form/ListEditor';
import { DraftNotice } from '../../drafts/DraftNotice';
import { useGuardedForm } from '../../drafts/useGuardedForm';
import type { CodeOf } from '../../../../shared/i18n/taxonomyLists';

const LISTS = Object.keys(GROUPABLE_LISTS) as GroupableList[];
const newGrouping = (): Grouping => ({ list: 'nature', name: '', codes: [] });

/**
 * The team's named groups of codes ("direct supervisor or (co)promotor"): the grouped report shows
 * each group as one row. They change only how rows are shown, never what is stored.
 */
export function GroupingsEditor({ onSaved }: { onSaved(): Promise<void> }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState(false);
  const form = useGuardedForm<Grouping[]>({ key: 'groupings', caseId: null, initial: [], submit: save });
  const { value: groupings, loaded: storedArrived } = form;
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    invoke('team.groupings', {})
      .then((stored) => {
        storedArrived(stored);
        setLoaded(true);
      })
      .catch((caught: unknown) => setError(errorCodeOf(caught)));
  }, [storedArrived]);

  const errors = fieldErrors(Groupings, groupings);
  const shown = submitted ? errors : {};

  async function save(): Promise<boolean> {
    setSubmitted(true);
    setError(null);
    setSaved(false);
    if (hasErrors(errors)) return false;
    try {
      let stored: Grouping[] = groupings;
      await form.persist(async () => {
        stored = await invoke('team.saveGroupings', { groupings });
      });
      form.reset(stored);
      setSubmitted(false);
      await onSaved();
      setSaved(true);
      return true;
    } catch (caught) {
      setError(errorCodeOf(caught));
      return false;
    }
  }

  if (!loaded) return <ErrorMessage code={error} />;

  return (
    <section className="card no-print" aria-labelledby="groupings-title">
      <h2 id="groupings-title">{t('team.groupingsTitle')}</h2>
      <p className="hint">{t('team.groupingsHint')}</p>
      <DraftNotice restoredAt={form.restoredAt} onThrowAway={form.discard} />
      <p>{groupings.map((grouping) => grouping.name).join(' · ') || t('team.noGroupings')}</p>
      <details open={form.restoredAt !== null || undefined}>
        <summary>{t('team.editGroupings')}</summary>
        <ListEditor
          legend={t('team.groupings')}
          items={groupings}
          onChange={(next) => {
            setSaved(false);
            form.setValue(next);
          }}
          newItem={newGrouping}
          addLabel={t('team.addGrouping')}
          removeLabel={t('team.removeGrouping')}
          renderItem={(grouping, update, index) => (
            <div className="grouping">
              <div className="grid">
                <div className="field">
                  <label htmlFor={`grouping-list-${index}`}>{t('team.groupingList')}</label>
                  <select id={`grouping-list-${index}`} value={grouping.list} onChange={(event) => update({ list: event.target.value as GroupableList, codes: [] })}>
                    {LISTS.map((list) => (
                      <option key={list} value={list}>
                        {t(`team.groupableList.${list}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <TextField label={t('team.groupingName')} value={grouping.name} onChange={(name) => update({ name })} error={shown[`${index}.name`]} />
              </div>
              <CodeCheckboxes
                list={grouping.list}
                legend={t('team.groupingCodes')}
                values={grouping.codes as CodeOf<GroupableList>[]}
                onChange={(codes) => update({ codes })}
                error={shown[`${index}.codes`]}
              />
            </div>
          )}
          error={<FieldError error={shown['']} />}
        />
        <button type="button" onClick={() => void save()}>
          {t('team.saveGroupings')}
        </button>
      </details>
      <ErrorMessage code={error} />
      {submitted && hasErrors(errors) && (
        <p className="error" role="alert">
          {t('team.groupingsInvalid')}
        </p>
      )}
      {saved && <p role="status">{t('team.groupingsSaved')}</p>}
    </section>
  );
}
