import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { leaveTo } from '../drafts/leaveGuard';
import { useFocusHeadingOnNavigation, useShortcuts } from '../hooks/useShortcuts';
import { useNavigationStore, type View } from '../stores/navigationStore';
import { useProfileStore } from '../stores/profileStore';
import { useSessionStore } from '../stores/sessionStore';
import { CaptureScreen } from './cases/CaptureScreen';
import { CaseEditScreenFor } from './cases/CaseScreens';
import { CaseListScreen } from './cases/CaseListScreen';
import { ExportScreen } from './export/ExportScreen';
import { TodayScreen } from './followUps/TodayScreen';
import { HelpScreen } from './help/HelpScreen';
import { OutreachScreen } from './outreach/OutreachScreen';
import { RetentionScreen } from './retention/RetentionScreen';
import { SettingsScreen } from './settings/SettingsScreen';
import { TeamReportScreen } from './team/TeamReportScreen';

const SECTIONS = [
  { view: 'today', label: 'nav.today' },
  { view: 'cases', label: 'nav.cases' },
  { view: 'outreach', label: 'nav.outreach' },
  { view: 'export', label: 'nav.export' },
  { view: 'team', label: 'nav.team' },
  { view: 'retention', label: 'nav.retention' },
  { view: 'settings', label: 'nav.settings' },
  { view: 'help', label: 'nav.help' },
] as const;

function sectionOf(view: View): string {
  return view.name === 'case' || view.name === 'newCase' || view.name === 'editCase' || view.name === 'capture' ? 'cases' : view.name;
}

/** The open vault's function, in the header where it has room in every language. */
export function FunctionBadge() {
  const { t } = useTranslation();
  const profile = useProfileStore((state) => state.profile);
  if (!profile) return null;
  return (
    <span className="function-badge">
      {t(`taxonomy.vaultFunction.${profile.function}`)}
      {profile.external && ` (${t('team.external')})`}
    </span>
  );
}

export function MainLayout() {
  const { t } = useTranslation();
  const view = useNavigationStore((state) => state.view);
  const lock = useSessionStore((state) => state.lock);
  const load = useProfileStore((state) => state.load);
  useShortcuts();
  useFocusHeadingOnNavigation();
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="main-layout">
      <nav aria-label={t('nav.label')}>
        {SECTIONS.map((section) => (
          <button
            key={section.view}
            type="button"
            className={sectionOf(view) === section.view ? 'nav-item active' : 'nav-item'}
            aria-current={sectionOf(view) === section.view ? 'page' : undefined}
            onClick={() => leaveTo({ name: section.view })}
          >
            {t(section.label)}
          </button>
        ))}
        <button type="button" className="lock-button" onClick={() => void lock()}>
          {t('home.lock')}
        </button>
      </nav>
      <main className="content">
        {view.name === 'today' && <TodayScreen />}
        {view.name === 'cases' && <CaseListScreen />}
        {(view.name === 'case' || view.name === 'newCase' || view.name === 'editCase') && <CaseEditScreenFor view={view} />}
        {view.name === 'capture' && <CaptureScreen />}
        {view.name === 'outreach' && <OutreachScreen />}
        {view.name === 'export' && <ExportScreen />}
        {view.name === 'team' && <TeamReportScreen />}
        {view.name === 'retention' && <RetentionScreen />}
        {view.name === 'settings' && <SettingsScreen />}
        {view.name === 'help' && <HelpScreen />}
      </main>
    </div>
  );
}
