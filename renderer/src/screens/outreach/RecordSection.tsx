import { useState, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary } from '../../components/form/ErrorSummary';
import type { FieldErrors } from '../../components/form/fieldErrors';
import { FormButtons } from '../../components/form/FormButtons';
import type { RecordForm, RecordFormOptions } from '../../components/form/useRecordForm';
import { DraftNotice } from '../../drafts/DraftNotice';
import { hasDraft } from '../../drafts/draftStore';

export interface FormProps<T> {
  /** Where the form is kept as a draft at a lock: `<section>:new` or `<section>:<id>`. */
  draftKey: string;
  initial: T;
  title: string;
  onSave(value: T): Promise<void>;
  onCancel?(): void;
}

/**
 * A list's form for `useRecordForm`: no case, and afresh after each save, so the next record can
 * be typed at once.
 */
export function listFormOptions<T>(props: FormProps<T>, validate: (value: T) => FieldErrors): RecordFormOptions<T> {
  return { key: props.draftKey, caseId: null, initial: props.initial, validate, save: props.onSave, afresh: () => props.initial, onCancel: props.onCancel };
}

/** The frame of a list's form around its fields: the error summary, the draft notice, the core's refusal, save and cancel. */
export function ListForm<T>({ form, title, onCancel, children }: { form: RecordForm<T>; title: string; onCancel?: (() => void) | undefined; children: ReactNode }) {
  return (
    <form onSubmit={form.onSubmit} onKeyDown={form.onKeyDown} noValidate aria-label={title} className="grid">
      <ErrorSummary form={form} />
      <DraftNotice restoredAt={form.restoredAt} onThrowAway={form.discard} />
      {children}
      <ErrorMessage code={form.error} />
      <FormButtons saveLabel={title} onCancel={onCancel && form.cancel} />
    </form>
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
