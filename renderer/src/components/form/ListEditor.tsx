import type { ReactNode } from 'react';

/** Edits a list of sub-records in place: each item with its own remove button, one add button. */
export function ListEditor<T>({
  legend,
  items,
  onChange,
  newItem,
  addLabel,
  removeLabel,
  renderItem,
  error,
}: {
  legend: string;
  items: T[];
  onChange(items: T[]): void;
  newItem(): T;
  addLabel: string;
  removeLabel: string;
  renderItem(item: T, update: (changes: Partial<T>) => void, index: number): ReactNode;
  error?: ReactNode;
}) {
  return (
    <fieldset className="list-editor">
      <legend>{legend}</legend>
      {items.map((item, index) => (
        <div className="list-item" key={index}>
          {renderItem(item, (changes) => onChange(items.map((existing, i) => (i === index ? { ...existing, ...changes } : existing))), index)}
          <button type="button" className="secondary" onClick={() => onChange(items.filter((_, i) => i !== index))}>
            {removeLabel} {index + 1}
          </button>
        </div>
      ))}
      {error}
      <button type="button" className="secondary" onClick={() => onChange([...items, newItem()])}>
        {addLabel}
      </button>
    </fieldset>
  );
}
