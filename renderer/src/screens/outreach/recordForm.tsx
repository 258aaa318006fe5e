import { useState, type ComponentType, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../../shared/errors';
import { errorCodeOf } from '../../api/client';
import { ConfirmButton } from '../../components/ConfirmButton';
import { hasErrors, type FieldErrors } from '../../components/form/fieldErrors';
import { DraftNotice } from '../../drafts/DraftNotice';
import { hasDraft } from '../../drafts/draftStore';
import { useGuardedForm } from '../../drafts/useGuardedForm';

/**
 * A small form: validates with the shared schema, saves, then starts afresh. It asks before its
 * typing is dropped (Escape, Cancel, leaving the screen) and is kept as a draft at a lock.
 */
export function useRecordForm<T>(props: Pick<FormProps<T>, 'draftKey' | 'initial' | 'onCancel'>, validate: (value: T) => FieldErrors, save: (value: T) => Promise<void>) {
  const { initial } = props;
  const form = useGuardedForm({ key: props.draftKey, caseId: null, initial, submit });
  const { value, setValue } = form;
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const errors = validate(value);
  async function submit(event?: FormEvent): Promise<boolean> {
    event?.preventDefault();
    setSubmitted(true);
    setError(null);
    if (hasErrors(errors)) return false;
    try {
      await form.persist(() => save(value));
      form.reset(initial);
      setSubmitted(false);
      return true;
    } catch (caught) {
      setError(errorCodeOf(caught));
      return false;
    }
  }
  const cancel = () => form.leave(props.onCancel ?? (() => form.reset(initial)));
  return {
    value,
    shown: submitted ? errors : ({} as FieldErrors),
    error,
    change: (changes: Partial<T>) => setValue((current) => ({ ...current, ...changes })),
    submit: (event: FormEvent) => void submit(event),
    cancel,
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key === 'Escape') cancel();
    },
    notice: <DraftNotice restoredAt={form.restoredAt} onThrowAway={form.discard} />,
  };
}

export interface FormProps<T> {
  /** Where the form is kept as a draft at a lock: `<section>:new` or `<section>:<id>`. */
  draftKey: string;
  initial: T;
  title: string;
  onSave(value: T): Promise<void>;
  onCancel?(): void;
}

export function FormButtons({ title, onCancel }: { title: string; onCancel?: (() => void) | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button type="submit">{title}</button>
      {onCancel && (
        <button type="button" className="secondary" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      )}
    </div>
  );
}

export function RowActions({ onEdit, question, onDelete }: { onEdit(): void; question: string; onDelete(): Promise<void> }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button type="button" className="secondary" onClick={onEdit}>
        {t('form.edit')}
      </button>
      <ConfirmButton label={t('form.delete')} question={question} confirmLabel={t('form.confirmDelete')} onConfirm={onDelete} />
    </div>
  );
}

export interface RecordSectionProps<I, R extends I & { id: number }> {
  /** Prefix of the heading's id, which labels the section. */
  id: string;
  title: string;
  hint?: string;
  columns: { header: string; cell(row: R): ReactNode }[];
  rows: R[];
  Form: ComponentType<FormProps<I>>;
  newInput(): I;
  addLabel: string;
  deleteQuestion: string;
  onAdd(input: I): Promise<void>;
  onUpdate(id: number, input: I): Promise<void>;
  onRemove(id: number): Promise<void>;
}

/** Records outside cases (signals, activities, board advice): a table, edit in place, delete after confirmation. */
export function RecordSection<I, R extends I & { id: number }>(props: RecordSectionProps<I, R>) {
  const { t } = useTranslation();
  const draftPrefix = props.id.replace(/-(\w)/g, (_match, letter: string) => letter.toUpperCase());
  // A record whose edit was kept as a draft at the lock opens in its form again.
  const [editing, setEditing] = useState<R | null>(() => props.rows.find((row) => hasDraft(`${draftPrefix}:${row.id}`)) ?? null);
  const { Form } = props;
  return (
    <section aria-labelledby={`${props.id}-title`} className="card">
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.hint && <p className="hint">{props.hint}</p>}
      <table>
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th key={column.header} scope="col">
                {column.header}
              </th>
            ))}
            <th />
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.id}>
              {props.columns.map((column) => (
                <td key={column.header}>{column.cell(row)}</td>
              ))}
              <td>
                <RowActions onEdit={() => setEditing(row)} question={props.deleteQuestion} onDelete={() => props.onRemove(row.id)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing ? (
        <Form
          key={editing.id}
          draftKey={`${draftPrefix}:${editing.id}`}
          initial={withoutId(editing)}
          title={t('outreach.saveChanges')}
          onSave={async (value) => {
            await props.onUpdate(editing.id, value);
            setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <Form key="new" draftKey={`${draftPrefix}:new`} initial={props.newInput()} title={props.addLabel} onSave={props.onAdd} />
      )}
    </section>
  );
}

/** A stored record is its input plus an id; editing starts from the input alone. */
function withoutId<I>(record: I & { id: number }): I {
  const { id: _id, ...input } = record;
  return input as I;
}
