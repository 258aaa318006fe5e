import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { App } from '../App';
import { i18n } from '../i18n/i18n';

/** The whole app as the window shows it, with the shared i18n instance. */
export function renderApp() {
  return render(
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>,
  );
}
