import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/core';
import { createLogger } from '../../../../electron/core/log';
import type { VaultEvent } from '../../../../shared/events';
import { CANARY } from '../../../../test/fixtures/canaries';
import { caseInput, reporter } from '../../../../test/fixtures/records';
import { temporaryDirectory } from '../../../../test/support/temporaryDirectory';
import { testShell } from '../../../../test/support/testShell';
import { invoke } from '../../api/client';
import { i18n } from '../../i18n/i18n';
import { resetAllStores } from '../../stores/resettable';
import { RestoreForm } from './RestoreForm';

const NEW_PASSPHRASE = 'CANARY-nieuw-Grutto-Boterbloem-5512';
let folder: ReturnType<typeof temporaryDirectory>;
let core: Core;
let dialogs: ReturnType<typeof testShell>;

/** A real core behind window.vault, with the folder dialog answering as the test says. */
beforeEach(async () => {
  folder = temporaryDirectory();
  dialogs = testShell(folder.path);
  core = createCore({ dataDirectory: join(folder.path, 'data'), log: createLogger(() => undefined), shell: dialogs.shell });
  Object.defineProperty(globalThis, 'vault', {
    configurable: true,
    value: {
      invoke: async (channel: unknown, request: unknown) => JSON.parse(JSON.stringify(await core.router.handle(channel, JSON.parse(JSON.stringify(request ?? null))))),
      onEvent: (listener: (event: VaultEvent) => void) => core.events.on(listener),
    },
  });
  resetAllStores();
  await i18n.changeLanguage('nl');
});
afterEach(() => {
  core.vault.lock();
  folder.remove();
});

describe('restoring from the unlock screen when the vault no longer opens with the backup’s passphrase', () => {
  it('asks for the vault’s current passphrase, and the destroyed case stays destroyed', async () => {
    await invoke('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson', external: false });
    const backups = join(folder.path, 'backups');
    mkdirSync(backups);
    dialogs.nextFolder(backups);
    await invoke('backup.chooseFolder', {});
    const old = await invoke('cases.create', caseInput({ firstContactAt: '2019-03-01T10:00', firstResponseAt: '2019-03-01T12:00', status: 'closed', closedOn: '2019-05-01', outcome: 'resolved' }));
    const kept = await invoke('cases.create', caseInput());
    const { name } = await invoke('backup.now', {});
    await invoke('retention.destroy', { ids: [old.id] });
    // The key and the passphrase both changed since the backup: nothing of the vault opens with the backup's passphrase.
    await invoke('vault.rotateKey', { passphrase: CANARY.passphrase });
    await invoke('vault.changePassphrase', { current: CANARY.passphrase, next: NEW_PASSPHRASE });
    core.vault.lock();

    const user = userEvent.setup();
    render(
      <I18nextProvider i18n={i18n}>
        <RestoreForm />
      </I18nextProvider>,
    );
    await user.type(screen.getByLabelText('Wachtwoordzin van de back-up'), CANARY.passphrase);
    await user.click(screen.getByRole('button', { name: /Back-up kiezen en terugzetten/ }));
    dialogs.nextFolder(join(backups, name));
    await user.click(screen.getByRole('button', { name: /Ja, back-up kiezen en terugzetten/ }));
    expect(await screen.findByText(/Vul de huidige wachtwoordzin of de herstelsleutel van de kluis in/, {}, { timeout: 30_000 })).toBeVisible();

    await user.type(screen.getByLabelText('Huidige wachtwoordzin of herstelsleutel van deze kluis'), NEW_PASSPHRASE);
    await user.click(screen.getByRole('button', { name: /Back-up kiezen en terugzetten/ }));
    dialogs.nextFolder(join(backups, name));
    await user.click(screen.getByRole('button', { name: /Ja, back-up kiezen en terugzetten/ }));
    expect(await screen.findByText(/is teruggezet, met 1 zaak/, {}, { timeout: 30_000 })).toBeVisible();
    expect(core.vault.database().prepare('SELECT id FROM cases').pluck().all()).toEqual([kept.id]);
  });
});

describe('restoring a backup made before a reporter of a joint case was erased', () => {
  it('says the backup would bring erased data back and that the vault stays as it is, and changes nothing', async () => {
    await invoke('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson', external: false });
    const backups = join(folder.path, 'backups');
    mkdirSync(backups);
    dialogs.nextFolder(backups);
    await invoke('backup.chooseFolder', {});
    const joint = await invoke('cases.create', caseInput({ reporters: [reporter({ name: 'CANARYBLIJFT' }), reporter({ name: 'CANARYGEWIST' })] }));
    const { name } = await invoke('backup.now', {});
    await invoke('access.erase', { caseId: joint.id, reporter: 1, confirmation: '2026-001' });
    const reporters = () => core.vault.database().prepare('SELECT name FROM case_reporters').pluck().all();
    expect(reporters()).toEqual(['CANARYBLIJFT']);

    const user = userEvent.setup();
    render(
      <I18nextProvider i18n={i18n}>
        <RestoreForm />
      </I18nextProvider>,
    );
    await user.type(screen.getByLabelText('Wachtwoordzin van de back-up'), CANARY.passphrase);
    await user.click(screen.getByRole('button', { name: /Back-up kiezen en terugzetten/ }));
    dialogs.nextFolder(join(backups, name));
    await user.click(screen.getByRole('button', { name: /Ja, back-up kiezen en terugzetten/ }));
    const refusal = await screen.findByText(/terugzetten zou die gegevens terugbrengen/, {}, { timeout: 30_000 });
    expect(refusal).toBeVisible();
    expect(refusal).toHaveTextContent('de kluis blijft zoals hij is');
    expect(screen.queryByText(/is teruggezet/)).toBeNull();
    expect(reporters()).toEqual(['CANARYBLIJFT']);
  });
});
