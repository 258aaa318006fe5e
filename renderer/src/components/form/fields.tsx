import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TAXONOMY, type CodeOf, type TaxonomyList } from '../../../../shared/i18n/taxonomyLists';
import { storedFromTyped, typedFromStored, type DateKind } from './dateText';

/**
 * An inline message under a field, in the adviser's language; a form's error summary lists it. One
 * that a field names in its aria-describedby is read with that field; one on its own is announced
 * when it appears.
 */
export function FieldError({ error, id, ofField = false }: { error: string | undefined; id?: string; ofField?: boolean }) {
  const { t } = useTranslation();
  const ownId = useId();
  if (!error) return null;
  return (
    <span className="field-error" id={id ?? ownId} role={ofField ? undefined : 'alert'}>
      {t(`validation.${error}`)}
    </span>
  );
}

interface FieldShell {
  label: string;
  error?: string | undefined;
  className?: string;
}

/** A labelled control; `describedBy` names its message only while there is one. */
function Field({ label, error, className, children }: FieldShell & { children: (id: string, describedBy: string | undefined) => ReactNode }) {
  const id = useId();
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {children(id, error ? `${id}-error` : undefined)}
      <FieldError error={error} id={`${id}-error`} ofField />
    </div>
  );
}

/**
 * Free text is case data: autocomplete off keeps the browser engine from keeping a field's content
 * in its form-restore state (which Chromium writes to the profile's session file) or its autofill store.
 */
export function TextField({
  label,
  value,
  onChange,
  error,
  type = 'text',
  multiline = false,
  className,
  autoFocus,
}: FieldShell & {
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'datetime-local' | 'date';
  multiline?: boolean;
  autoFocus?: boolean;
}) {
  return (
    <Field label={label} error={error} className={className}>
      {(id, describedBy) =>
        multiline ? (
          <textarea id={id} value={value} rows={6} autoComplete="off" onChange={(event) => onChange(event.target.value)} aria-invalid={!!error} aria-describedby={describedBy} />
        ) : type !== 'text' ? (
          <DateInput id={id} kind={type} value={value} onChange={onChange} invalid={!!error} describedBy={describedBy} autoFocus={autoFocus} />
        ) : (
          <input
            id={id}
            type="text"
            value={value}
            autoComplete="off"
            onChange={(event) => onChange(event.target.value)}
            aria-invalid={!!error}
            aria-describedby={describedBy}
            autoFocus={autoFocus}
          />
        )
      }
    </Field>
  );
}

/**
 * A date or date and time typed as the adviser writes it (dd-mm-jjjj, 24-hour clock), not the
 * browser's control, whose format follows the operating system instead of the app's language.
 * The form holds the stored form (yyyy-MM-dd[THH:mm]) once the text is a real date, and the text
 * itself until then, so validation names it.
 */
function DateInput({
  id,
  kind,
  value,
  onChange,
  invalid,
  describedBy,
  autoFocus,
}: {
  id: string;
  kind: DateKind;
  value: string;
  onChange(value: string): void;
  invalid: boolean;
  describedBy: string | undefined;
  autoFocus: boolean | undefined;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => typedFromStored(value, kind));
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    // A value set from outside (today's date, a restored draft) replaces what is shown.
    if (value !== (storedFromTyped(text, kind) ?? text.trim())) setText(typedFromStored(value, kind));
  }
  return (
    <input
      id={id}
      type="text"
      className={`date-input ${kind === 'date' ? 'date-only' : 'date-time'}`}
      value={text}
      placeholder={t(kind === 'date' ? 'form.datePattern' : 'form.dateTimePattern')}
      title={t(kind === 'date' ? 'form.datePattern' : 'form.dateTimePattern')}
      autoComplete="off"
      spellCheck={false}
      onChange={(event) => {
        setText(event.target.value);
        onChange(storedFromTyped(event.target.value, kind) ?? event.target.value.trim());
      }}
      onBlur={() => {
        const stored = storedFromTyped(text, kind);
        if (stored) setText(typedFromStored(stored, kind));
      }}
      aria-invalid={invalid}
      aria-describedby={describedBy}
      autoFocus={autoFocus}
    />
  );
}

/** A nullable date or date-time: an empty input means "not yet". */
export function OptionalDateField({
  value,
  onChange,
  type,
  ...shell
}: FieldShell & { value: string | null; onChange(value: string | null): void; type: 'date' | 'datetime-local' }) {
  return <TextField {...shell} type={type} value={value ?? ''} onChange={(next) => onChange(next === '' ? null : next)} />;
}

export function NumberField({ label, value, onChange, error, className }: FieldShell & { value: number | null; onChange(value: number | null): void }) {
  return (
    <Field label={label} error={error} className={className}>
      {(id, describedBy) => (
        <input
          id={id}
          type="number"
          inputMode="numeric"
          value={value ?? ''}
          onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}
          aria-invalid={!!error}
          aria-describedby={describedBy}
        />
      )}
    </Field>
  );
}

export function CodeSelect<L extends TaxonomyList>({
  list,
  label,
  value,
  onChange,
  error,
  emptyLabel,
  className,
  only,
  autoFocus,
}: FieldShell & { list: L; value: CodeOf<L> | null; onChange(value: CodeOf<L> | null): void; emptyLabel?: string; only?: readonly CodeOf<L>[]; autoFocus?: boolean }) {
  const { t } = useTranslation();
  return (
    <Field label={label} error={error} className={className}>
      {(id, describedBy) => (
        <select
          id={id}
          value={value ?? ''}
          onChange={(event) => onChange(event.target.value === '' ? null : (event.target.value as CodeOf<L>))}
          aria-invalid={!!error}
          aria-describedby={describedBy}
          autoFocus={autoFocus}
        >
          {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
          {(only ?? TAXONOMY[list]).map((code) => (
            <option key={code} value={code}>
              {t(`taxonomy.${list}.${code}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Yes, no, or not recorded. */
export function TriStateSelect({ label, value, onChange, className }: FieldShell & { value: boolean | null; onChange(value: boolean | null): void }) {
  const { t } = useTranslation();
  return (
    <Field label={label} className={className}>
      {(id) => (
        <select id={id} value={value === null ? '' : value ? 'yes' : 'no'} onChange={(event) => onChange(event.target.value === '' ? null : event.target.value === 'yes')}>
          <option value="">{t('form.notRecorded')}</option>
          <option value="yes">{t('form.yes')}</option>
          <option value="no">{t('form.no')}</option>
        </select>
      )}
    </Field>
  );
}

export function Checkbox({ label, checked, onChange }: { label: string; checked: boolean; onChange(checked: boolean): void }) {
  return (
    <label className="checkbox">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      {label}
    </label>
  );
}

export function CodeCheckboxes<L extends TaxonomyList>({
  list,
  legend,
  values,
  onChange,
  error,
}: {
  list: L;
  legend: string;
  values: readonly CodeOf<L>[];
  onChange(values: CodeOf<L>[]): void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const errorId = useId();
  return (
    <fieldset className="checkbox-grid" aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      {TAXONOMY[list].map((code) => (
        <Checkbox
          key={code}
          label={t(`taxonomy.${list}.${code}`)}
          checked={values.includes(code)}
          onChange={(checked) => onChange(checked ? [...values, code] : values.filter((value) => value !== code))}
        />
      ))}
      <FieldError error={error} id={errorId} ofField />
    </fieldset>
  );
}

/** One code of a short list, every choice visible at once: for questions that must not be overlooked. */
export function CodeRadios<L extends TaxonomyList>({
  list,
  legend,
  value,
  onChange,
  error,
  className,
  children,
}: {
  list: L;
  legend: string;
  value: CodeOf<L>;
  onChange(value: CodeOf<L>): void;
  error?: string | undefined;
  className?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className={`radio-group ${className ?? ''}`} aria-describedby={error ? `${name}-error` : undefined}>
      <legend>{legend}</legend>
      {TAXONOMY[list].map((code) => (
        <label key={code} className="checkbox">
          <input type="radio" name={name} value={code} checked={value === code} onChange={() => onChange(code)} />
          {t(`taxonomy.${list}.${code}`)}
        </label>
      ))}
      {children}
      <FieldError error={error} id={`${name}-error`} ofField />
    </fieldset>
  );
}
