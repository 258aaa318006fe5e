import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentProps } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CANARY } from '../../../test/fixtures/canaries';
import { installInProcessVault } from '../../../test/support/inProcessVault';
import type { DraftNotice as RealDraftNotice } from '../drafts/DraftNotice';
import { i18n } from '../i18n/i18n';
import { resetAllStores } from '../stores/resettable';
import { useSessionStore } from '../stores/sessionStore';
import { renderApp } from '../test/renderApp';

/** A part of every list form that, once switched on, throws while rendering, as a bug in a screen would. */
const bug = vi.hoisted(() => ({ on: false }));
vi.mock('../drafts/DraftNotice', async (importOriginal) => {
  const { DraftNotice } = await importOriginal<{ DraftNotice: typeof RealDraftNotice }>();
  return {
    DraftNotice: (props: ComponentProps<typeof RealDraftNotice>) => {
      if (bug.on) throw new TypeError('Cannot read properties of undefined');
      return <DraftNotice {...props} />;
    },
  };
});

let vault: ReturnType<typeof installInProcessVault>;
beforeEach(async () => {
  bug.on = false;
  vault = installInProcessVault();
  resetAllStores();
  useSessionStore.setState({ phase: 'starting', recoveryKey: null, corrupt: false, appDamaged: false, autoBackupFailed: false });
  await i18n.changeLanguage('nl');
  expect((await vault.core.router.handle('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' })).ok).toBe(true);
  // React reports the caught error on the console; the test looks at the screen instead.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
  vault.remove();
});

describe('a screen that breaks while rendering', { timeout: 15_000 }, () => {
  it('gives way to a plain message that keeps what was typed, and going on brings the form back with it', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(await screen.findByRole('button', { name: 'Signalen en activiteiten' }));
    const form = await screen.findByRole('form', { name: 'Signaal toevoegen' });
    await user.type(within(form).getByLabelText('Eenheid'), 'Faculteit der Geneeskunde');
    await user.type(within(form).getByLabelText('Notitie'), CANARY.noteWord);

    bug.on = true;
    await user.type(within(form).getByLabelText('Notitie'), '!');
    expect(await screen.findByRole('alert')).toHaveTextContent('Er ging iets mis bij het tonen van dit scherm. Wat u typte is bewaard.');
    expect(screen.queryByRole('form', { name: 'Signaal toevoegen' })).toBeNull();
    expect(screen.getByText('Confidant')).toBeInTheDocument();

    // Going on while the screen still breaks keeps the typed work for the next try.
    await user.click(screen.getByRole('button', { name: 'Ga verder' }));
    expect(await screen.findByRole('button', { name: 'Ga verder' })).toBeInTheDocument();

    bug.on = false;
    await user.click(screen.getByRole('button', { name: 'Ga verder' }));
    const back = await screen.findByRole('form', { name: 'Signaal toevoegen' });
    expect(within(back).getByLabelText('Eenheid')).toHaveValue('Faculteit der Geneeskunde');
    expect(within(back).getByLabelText('Notitie')).toHaveValue(`${CANARY.noteWord}!`);
  });

  it('says so in English too', async () => {
    await vault.core.router.handle('settings.update', { language: 'en' });
    const user = userEvent.setup();
    renderApp();
    await user.click(await screen.findByRole('button', { name: 'Signals and activities' }));
    const form = await screen.findByRole('form', { name: 'Add signal' });
    bug.on = true;
    await user.type(within(form).getByLabelText('Unit'), 'F');
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong while showing this screen. What you typed has been kept.');
    expect(screen.getByRole('button', { name: 'Go on' })).toBeInTheDocument();
  });
});
