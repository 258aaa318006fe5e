import { createResettableStore } from './resettable';

export type View =
  | { name: 'cases' }
  | { name: 'case'; id: number }
  | { name: 'newCase' }
  | { name: 'editCase'; id: number }
  | { name: 'outreach' }
  | { name: 'export' }
  | { name: 'team' }
  | { name: 'retention' }
  | { name: 'settings' };

interface NavigationState {
  view: View;
  go(view: View): void;
}

export const useNavigationStore = createResettableStore<NavigationState>((set) => ({
  view: { name: 'cases' },
  go(view) {
    set({ view });
  },
}));
