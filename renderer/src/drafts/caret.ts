/**
 * Where the adviser was typing, kept in the draft so the window can put the caret back after an
 * unlock, a crash of the window or core, or a power cut. A field is named by its place on the
 * screen: the n-th field of the n-th form (or of the page, outside a form). The screen a draft
 * returns to is drawn by the same code from the same record and draft, so the places match; the
 * field's length is checked as well, so a screen that differs gets no caret rather than a wrong one.
 */
export interface DraftCaret {
  /** Index in `document.forms`, or -1 for a field outside any form. */
  form: number;
  field: number;
  start: number;
  end: number;
  length: number;
}

type TextField = HTMLInputElement | HTMLTextAreaElement;

const FIELDS = 'input, textarea, select';

/** The field the adviser is typing in, or null. */
export function focusedField(): TextField | null {
  const active = document.activeElement;
  return active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement ? active : null;
}

function fieldsOf(form: number): Element[] {
  const container = form >= 0 ? document.forms[form] : (document.querySelector('main') ?? document.body);
  return container ? [...container.querySelectorAll(FIELDS)] : [];
}

/** Where the caret is in a field on screen; null for a field no longer shown. */
export function caretIn(field: TextField): DraftCaret | null {
  if (!field.isConnected) return null;
  const form = field.form ? [...document.forms].indexOf(field.form) : -1;
  const index = fieldsOf(form).indexOf(field);
  if (index < 0) return null;
  // A type without a selection (none here, but a number field would) keeps the caret at the end.
  const end = field.selectionEnd ?? field.value.length;
  return { form, field: index, start: field.selectionStart ?? end, end, length: field.value.length };
}

/** Focuses the field and puts the caret back, the field in view; false while the field is not (yet) on screen. */
export function placeCaret(caret: DraftCaret): boolean {
  const field = fieldsOf(caret.form)[caret.field];
  if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) || field.value.length !== caret.length) return false;
  // Focus brings the field into view, and the selection the caret's line within it.
  field.focus();
  field.setSelectionRange(caret.start, caret.end);
  return true;
}

/** A screen that loads its record draws its forms a few frames later: looks for about a second. */
export function placeCaretSoon(caret: DraftCaret, framesLeft = 60): void {
  if (placeCaret(caret) || framesLeft === 0) return;
  requestAnimationFrame(() => placeCaretSoon(caret, framesLeft - 1));
}
