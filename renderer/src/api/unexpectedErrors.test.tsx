import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installInProcessVault } from '../../../test/support/inProcessVault';
import { i18n } from '../i18n/i18n';
import { resetAllStores } from '../stores/resettable';
import { renderApp } from '../test/renderApp';
import { VaultError } from './client';

let vault: ReturnType<typeof installInProcessVault>;
beforeEach(async () => {
  vault = installInProcessVault();
  resetAllStores();
  await i18n.changeLanguage('nl');
});
afterEach(() => vault.remove());

describe('a failure no screen handled', () => {
  it('is shown at the top of the window by its code, in the adviser’s language', async () => {
    renderApp();
    await screen.findByRole('heading', { name: 'Nieuwe kluis aanmaken' });
    const rejection = Object.assign(new Event('unhandledrejection', { cancelable: true }), { reason: new VaultError('BACKUP_FAILED') });
    act(() => {
      window.dispatchEvent(rejection);
    });
    expect((await screen.findByRole('alert')).textContent).toBe(i18n.t('errors.BACKUP_FAILED'));
    expect(rejection.defaultPrevented).toBe(true);
  });
});
