import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { EDITABLE_TEXTS, MAX_TEXT_LENGTH, type EditableText, type ReportTexts } from '../../../../shared/contract';
import { errorCodeOf, invoke } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/form/fields';
import { useAttempt } from '../../hooks/useAttempt';
import { DraftNotice } from '../../drafts/DraftNotice';
import { useGuardedForm } from '../../drafts/useGuardedForm';

/** How long typing pauses before the texts are saved. */
export const TEXT_SAVE_DELAY_MS = 800;

/** Saves what is typed and not yet saved; false when it could not (the reason is on screen). */
export type SaveTexts = () => Promise<boolean>;

const unchanged = (a: ReportTexts, b: ReportTexts) => EDITABLE_TEXTS.every((id) => (a[id] ?? '') === (b[id] ?? ''));

/**
 * The team's own words in the report of one year: the organisation, and a short text per section.
 * Saved in the vault as they are typed; `saveRef` lets publishing save the last keystrokes first.
 */
export function ReportTextsEditor({ year, saveRef }: { year: number; saveRef: RefObject<SaveTexts | null> }) {
  const { t } = useTranslation();
  const { status, error, attempt, setError } = useAttempt();
  const form = useGuardedForm<ReportTexts>({ key: `reportTexts:${year}`, caseId: null, initial: {}, submit: save });
  const { value: draft, setValue: setDraft, loaded } = form;
  const typed = useRef(draft);
  const saved = useRef<ReportTexts>({});
  // One save at a time, in order, so the last one to finish holds the last keystrokes.
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));

  useEffect(() => {
    invoke('team.texts', { year }).then(
      (texts) => {
        saved.current = texts;
        loaded(texts);
      },
      (caught: unknown) => setError(errorCodeOf(caught)),
    );
  }, [year, setError, loaded]);

  useEffect(() => {
    typed.current = draft;
    if (unchanged(draft, saved.current)) return;
    const timer = setTimeout(() => void save(), TEXT_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  });

  useEffect(() => {
    saveRef.current = save;
    return () => {
      saveRef.current = null;
    };
  });

  const tooLong = EDITABLE_TEXTS.some((id) => (draft[id] ?? '').length > MAX_TEXT_LENGTH);

  function save(): Promise<boolean> {
    queue.current = queue.current.then(saveTyped);
    return queue.current;
  }

  async function saveTyped(): Promise<boolean> {
    const texts = typed.current;
    if (unchanged(texts, saved.current)) return true;
    if (EDITABLE_TEXTS.some((id) => (texts[id] ?? '').length > MAX_TEXT_LENGTH)) return false;
    let done = false;
    await attempt(async () => {
      await form.persist(async () => {
        for (const id of EDITABLE_TEXTS) if ((texts[id] ?? '') !== (saved.current[id] ?? '')) await invoke('team.saveText', { year, text: id, value: texts[id] ?? '' });
      });
      saved.current = texts;
      done = true;
      return t('team.texts.saved');
    });
    return done;
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
