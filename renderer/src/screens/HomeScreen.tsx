import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../stores/sessionStore';
import { AddCaseForm } from './home/AddCaseForm';
import { CaseTable } from './home/CaseTable';
import { SettingsPanel } from './home/SettingsPanel';

export function HomeScreen() {
  const { t } = useTranslation();
  const lock = useSessionStore((state) => state.lock);
  return (
    <main className="home">
      <section className="cases-pane" aria-labelledby="cases-title">
        <div className="pane-header">
          <h1 id="cases-title">{t('home.cases')}</h1>
          <button type="button" onClick={() => void lock()}>
            {t('home.lock')}
          </button>
        </div>
        <CaseTable />
      </section>
      <aside className="side-pane">
        <AddCaseForm />
        <SettingsPanel />
      </aside>
    </main>
  );
}
