import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { i18n } from './i18n/i18n';
import { DossierDocumentPage } from './screens/print/DossierDocumentPage';
import { dossierTokenFrom } from './screens/print/dossierRoute';
import { printRequestFrom } from './screens/print/printRoute';
import { ReportDocumentPage } from './screens/print/ReportDocumentPage';
import './styles.css';

// The shell renders the report document and an access dossier off-screen on their own route; every other load is the app.
const print = printRequestFrom(window.location.hash);
const dossier = dossierTokenFrom(window.location.hash);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>{print ? <ReportDocumentPage request={print} /> : dossier ? <DossierDocumentPage token={dossier} /> : <App />}</I18nextProvider>
  </StrictMode>,
);
