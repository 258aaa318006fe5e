import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { EDITABLE_TEXTS, MAX_TEXT_LENGTH, type EditableText, type ReportTexts } from '../../../../shared/contract';
import { errorCodeOf, invoke } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/form/fields';
import { useAttempt } from '../../hooks/useAttempt';
import { DraftNotice } from '../../drafts/DraftNotice';
import { useGuardedForm } from '../../drafts/useGuardedForm';

/** The team's own words in the report of one year: the organisation, and a short text per section. Saved in the vault. */
export function ReportTextsEditor({ year }: { year: number }) {
  const { t } = useTranslation();
  const { status, error, attempt, setError } = useAttempt();
  const form = useGuardedForm<ReportTexts>({ key: `reportTexts:${year}`, caseId: null, initial: {}, submit: save });
  const { value: draft, setValue: setDraft, loaded } = form;

  useEffect(() => {
    invoke('team.texts', { year }).then(loaded, (caught: unknown) => setError(errorCodeOf(caught)));
  }, [year, setError, loaded]);

  const tooLong = EDITABLE_TEXTS.some((id) => (draft[id] ?? '').length > MAX_TEXT_LENGTH);
  async function save(): Promise<boolean> {
    if (tooLong) return false;
    let saved = false;
    await attempt(async () => {
      await form.persist(async () => {
        for (const id of EDITABLE_TEXTS) await invoke('team.saveText', { year, text: id, value: draft[id] ?? '' });
      });
      saved = true;
      return t('team.texts.saved');
    });
    return saved;
  }
  const field = (id: EditableText) => (
    <TextField
      key={id}
      label={id === 'organisation' ? t('team.texts.organisation') : t('team.texts.sectionText', { section: t(`publication.section.${id}`) })}
      value={draft[id] ?? ''}
      multiline={id !== 'organisation'}
      error={(draft[id] ?? '').length > MAX_TEXT_LENGTH ? t('team.texts.tooLong', { max: MAX_TEXT_LENGTH }) : undefined}
      onChange={(value) => setDraft((current) => ({ ...current, [id]: value }))}
    />
  );

  return (
    <section className="card no-print" aria-labelledby="report-texts-title">
      <h2 id="report-texts-title">{t('team.texts.title', { year })}</h2>
      <p className="hint">{t('team.texts.hint')}</p>
      <DraftNotice restoredAt={form.restoredAt} onThrowAway={form.discard} />
      {EDITABLE_TEXTS.map(field)}
      <div className="actions">
        <button type="button" onClick={() => void save()} disabled={!form.dirty || tooLong}>
          {t('team.texts.save')}
        </button>
      </div>
      <ErrorMessage code={error} />
      {status && <p role="status">{status}</p>}
    </section>
  );
}
