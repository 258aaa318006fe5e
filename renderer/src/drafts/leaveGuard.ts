import { createResettableStore } from '../stores/resettable';
import { useNavigationStore, type View } from '../stores/navigationStore';
import { dirtyForms, type OpenForm } from './openForms';

interface LeaveState {
  /** A leave waiting for the adviser's answer: save, discard or stay. */
  asking: { proceed: () => void; forms: OpenForm[] } | null;
}

export const useLeaveStore = createResettableStore<LeaveState>(() => ({ asking: null }));

/** Leaves at once when nothing typed would be lost; otherwise asks first. `keys`: only these forms are left. */
export function leaveThen(proceed: () => void, keys?: readonly string[]): void {
  const forms = dirtyForms(keys);
  if (forms.length === 0) {
    proceed();
    return;
  }
  useLeaveStore.setState({ asking: { proceed, forms } });
}

/** Every move to another view: leaving a screen with a dirty form asks first; nothing typed is dropped silently. */
export function leaveTo(view: View): void {
  leaveThen(() => useNavigationStore.setState({ view }));
}

export type LeaveAnswer = 'save' | 'discard' | 'stay';

export async function answerLeave(answer: LeaveAnswer): Promise<void> {
  const asking = useLeaveStore.getState().asking;
  useLeaveStore.setState({ asking: null });
  if (!asking || answer === 'stay') return;
  if (answer === 'discard') {
    for (const form of asking.forms) form.discard();
    asking.proceed();
    return;
  }
  for (const form of asking.forms) {
    // A save the form refuses keeps the adviser there, with the form's own errors in view.
    if (!(await form.save())) return;
  }
  asking.proceed();
}
