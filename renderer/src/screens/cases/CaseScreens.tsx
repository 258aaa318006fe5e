import type { View } from '../../stores/navigationStore';
import { EditCaseScreen, NewCaseScreen } from './CaseEditScreens';
import { CasePage } from './CasePage';

export function CaseEditScreenFor({ view }: { view: Extract<View, { name: 'case' | 'newCase' | 'editCase' }> }) {
  if (view.name === 'newCase') return <NewCaseScreen />;
  if (view.name === 'editCase') return <EditCaseScreen id={view.id} />;
  return <CasePage id={view.id} />;
}
