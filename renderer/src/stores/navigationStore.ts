import type { AppView } from '../../../shared/contract';
import { leaveThen } from '../drafts/leaveGuard';
import { createResettableStore } from './resettable';

/** Declared once in `shared/`: a draft kept at a lock names the view to return to. */
export type View = AppView;

interface NavigationState {
  view: View;
  go(view: View): void;
}

export const useNavigationStore = createResettableStore<NavigationState>((set) => ({
  view: { name: 'cases' },
  go(view) {
    // Leaving a screen with a dirty form asks first; nothing typed is dropped silently.
    leaveThen(() => set({ view }));
  },
}));
