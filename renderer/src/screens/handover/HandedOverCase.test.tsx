import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportPreview, HandoverStatus } from '../../../../shared/contract';
import { createCore } from '../../../../electron/core/core';
import { createLogger } from '../../../../electron/core/log';
import { CANARY } from '../../../../test/fixtures/canaries';
import { caseInput, conversationInput, mediationInput } from '../../../../test/fixtures/records';
import { callCore } from '../../../../test/support/callCore';
import { installInProcessVault } from '../../../../test/support/inProcessVault';
import { temporaryDirectory } from '../../../../test/support/temporaryDirectory';
import { testShell } from '../../../../test/support/testShell';
import { invoke } from '../../api/client';
import { i18n } from '../../i18n/i18n';
import { useProfileStore } from '../../stores/profileStore';
import { resetAllStores } from '../../stores/resettable';
import { CasePage } from '../cases/CasePage';

/**
 * The case page of a case whose package has left, before the successor's confirmation: the window's
 * vault (a real core) sent it to a second real vault, the successor's. The page says so and offers
 * no change; another case's page is as before.
 */
let vault: ReturnType<typeof installInProcessVault>;
let successorDir: ReturnType<typeof temporaryDirectory>;
let successor: ReturnType<typeof callCore> & { lock(): void; lastSaved(): string };
const ids = { handed: 0, other: 0 };

beforeEach(async () => {
  vault = installInProcessVault();
  resetAllStores();
  successorDir = temporaryDirectory();
  const dialogs = testShell(successorDir.path);
  const core = createCore({ dataDirectory: join(successorDir.path, 'successor'), log: createLogger(() => undefined), shell: dialogs.shell });
  successor = { ...callCore(() => core), lock: () => core.vault.lock(), lastSaved: () => readFileSync(dialogs.saved.at(-1)!, 'utf8') };

  await invoke('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
  await successor.ok('vault.create', { passphrase: CANARY.passphrase, function: 'central_confidential_adviser' });
  const { receivingKeys } = await successor.ok<HandoverStatus>('handover.createReceivingKey', {});
  await successor.ok('handover.saveReceivingKey', { keyId: receivingKeys[0]!.keyId });
  const key = await invoke('handover.readKey', { content: successor.lastSaved() });
  await invoke('handover.addSuccessor', { content: successor.lastSaved(), fingerprint: key.fingerprint });

  ids.handed = (await invoke('cases.create', caseInput())).id;
  await invoke('conversations.add', { caseId: ids.handed, conversation: conversationInput() });
  await invoke('mediation.save', { caseId: ids.handed, mediation: mediationInput() });
  ids.other = (await invoke('cases.create', caseInput({ label: 'andere zaak' }))).id;
  await invoke('handover.setConsent', { caseId: ids.handed, givenOn: '2026-03-02' });
  const preview: ExportPreview = await invoke('handover.previewExport', {});
  await invoke('handover.saveExport', { exportId: preview.file.exportId, unsealed: true });
  await invoke('handover.send', { keyId: key.keyId, caseIds: [ids.handed] });
  await useProfileStore.getState().load();
});

afterEach(() => {
  vault.remove();
  successor.lock();
  successorDir.remove();
});

function renderCase(id: number) {
  return render(
    <I18nextProvider i18n={i18n}>
      <CasePage id={id} />
    </I18nextProvider>,
  );
}

describe('a handed-over case awaiting its confirmation', { timeout: 30_000 }, () => {
  it('says so on its page and offers no change (Dutch), while another case is as before', async () => {
    await i18n.changeLanguage('nl');
    const page = renderCase(ids.handed);
    expect(await screen.findByText('Overgedragen aan uw opvolger; wacht op de bevestiging. Wijzigen kan niet meer.')).toHaveAttribute('role', 'status');
    // The note is on screen to be read; nothing around it takes a change.
    expect(screen.getByText(conversationInput().notes)).toBeInTheDocument();
    const frozen = screen.getByRole('group', { description: 'Overgedragen aan uw opvolger; wacht op de bevestiging. Wijzigen kan niet meer.' });
    // Outside it, the way back to the list is all: no editing, closing or deleting the case.
    expect(screen.getAllByRole('button').filter((button) => !frozen.contains(button)).map((button) => [button.textContent, (button as HTMLButtonElement).disabled])).toEqual([['Terug naar de lijst', false]]);
    const controls = [...within(frozen).queryAllByRole('button'), ...within(frozen).queryAllByRole('textbox'), ...within(frozen).queryAllByRole('checkbox'), ...within(frozen).queryAllByRole('combobox')];
    expect(controls.length).toBeGreaterThan(5);
    for (const control of controls) expect(control).toBeDisabled();
    page.unmount();

    renderCase(ids.other);
    expect(await screen.findByRole('button', { name: 'Bewerken' })).toBeEnabled();
    expect(screen.queryByText(/Overgedragen aan uw opvolger/)).toBeNull();
    expect(screen.queryByRole('group', { description: /Overgedragen/ })).toBeNull();
    expect(screen.getAllByRole('textbox').some((box) => !(box as HTMLTextAreaElement).disabled)).toBe(true);
  });

  it('says so in English', async () => {
    await i18n.changeLanguage('en');
    renderCase(ids.handed);
    expect(await screen.findByText('Handed over to your successor; awaiting the confirmation. It can no longer be changed.')).toHaveAttribute('role', 'status');
    const frozen = screen.getByRole('group', { description: 'Handed over to your successor; awaiting the confirmation. It can no longer be changed.' });
    expect(screen.getAllByRole('button').filter((button) => !frozen.contains(button)).map((button) => button.textContent)).toEqual(['Back to the list']);
  });
});
