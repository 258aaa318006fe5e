/** A form on screen, as the leave question and the lock see it. */
export interface OpenForm {
  key: string;
  caseId: number | null;
  isDirty(): boolean;
  /** The form's state and caret as a draft's content. */
  content(): string;
  /** Writes the form's draft now (at a lock); resolves once the vault has it. */
  keep(): Promise<void>;
  /** The form's own save, with its checks; false when it refused (its errors are then on screen). */
  save(): Promise<boolean>;
  /** Back to what was last saved. */
  discard(): void;
}

const forms = new Map<string, OpenForm>();

export function registerForm(form: OpenForm): () => void {
  forms.set(form.key, form);
  return () => {
    if (forms.get(form.key) === form) forms.delete(form.key);
  };
}

/** Every form on screen. */
export function openForms(): OpenForm[] {
  return [...forms.values()];
}

/** Dirty forms on screen, or only those named. */
export function dirtyForms(keys?: readonly string[]): OpenForm[] {
  return [...forms.values()].filter((form) => (!keys || keys.includes(form.key)) && form.isDirty());
}
