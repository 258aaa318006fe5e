import type { KeyboardEvent } from 'react';

/** Ctrl/Cmd+Enter saves a record form from any of its fields, as the case form does; other keys go to the form (Escape cancels). */
export function saveOnCtrlEnter(form: { submit(): Promise<boolean>; onKeyDown(event: KeyboardEvent): void }) {
  return (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void form.submit();
    } else form.onKeyDown(event);
  };
}
