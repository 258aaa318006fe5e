import { invoke } from '../api/client';
import { useNavigationStore } from '../stores/navigationStore';
import { useDraftStore } from './draftStore';

/** A form on screen, as the leave question and the lock see it. */
export interface OpenForm {
  key: string;
  caseId: number | null;
  isDirty(): boolean;
  snapshot(): unknown;
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

/** Dirty forms on screen, or only those named. */
export function dirtyForms(keys?: readonly string[]): OpenForm[] {
  return [...forms.values()].filter((form) => (!keys || keys.includes(form.key)) && form.isDirty());
}

/**
 * Runs before every lock: each dirty form goes into the vault as a draft, with the screen it is
 * on, so the unlock can bring the adviser back to it. Nothing is kept in the window itself.
 */
export async function keepDirtyFormsAsDrafts(): Promise<void> {
  const view = useNavigationStore.getState().view;
  const fromForms = dirtyForms().map((form) => ({ key: form.key, caseId: form.caseId, view, content: JSON.stringify(form.snapshot()) }));
  // Drafts handed back at the unlock whose form was never opened go back into the vault as they were.
  const unopened = Object.values(useDraftStore.getState().waiting).map(({ savedAt: _savedAt, ...draft }) => draft);
  await Promise.all([...unopened, ...fromForms].map((draft) => invoke('drafts.save', draft)));
}
