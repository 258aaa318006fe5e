import type { AppView } from '../../../shared/contract';
import { createResettableStore } from './resettable';

/** Declared once in `shared/`: a draft kept at a lock names the view to return to. */
export type View = AppView;

interface NavigationState {
  view: View;
}

/** The view on screen. Screens move through the leave guard's `leaveTo`, which protects dirty forms. */
export const useNavigationStore = createResettableStore<NavigationState>(() => ({ view: { name: 'cases' } }));
