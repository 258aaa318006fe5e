import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportPreview, HandoverPackageSummary, HandoverStatus } from '../../../../shared/contract';
import { createCore } from '../../../../electron/core/core';
import { createLogger } from '../../../../electron/core/log';
import { CANARY } from '../../../../test/fixtures/canaries';
import { caseInput, conversationInput } from '../../../../test/fixtures/records';
import { callCore } from '../../../../test/support/callCore';
import { installInProcessVault } from '../../../../test/support/inProcessVault';
import { temporaryDirectory } from '../../../../test/support/temporaryDirectory';
import { testShell } from '../../../../test/support/testShell';
import { invoke } from '../../api/client';
import { i18n } from '../../i18n/i18n';
import { HandoverSection } from './HandoverSection';

/**
 * Both sides of a handover on screen, each against a real core: the window's vault is one side,
 * a second real vault in the test is the other (what the other adviser does on their laptop).
 */
let vault: ReturnType<typeof installInProcessVault>;
let otherDir: ReturnType<typeof temporaryDirectory>;
let other: ReturnType<typeof otherVault>;

function otherVault(folder: string) {
  const dialogs = testShell(folder);
  const core = createCore({ dataDirectory: join(folder, 'other'), log: createLogger(() => undefined), shell: dialogs.shell });
  return { core, ...callCore(() => core), lastSaved: () => readFileSync(dialogs.saved.at(-1)!, 'utf8') };
}

const lastSaved = () => readFileSync(vault.saved.at(-1)!, 'utf8');

beforeEach(async () => {
  vault = installInProcessVault();
  otherDir = temporaryDirectory();
  other = otherVault(otherDir.path);
});
afterEach(() => {
  vault.remove();
  other.core.vault.lock();
  otherDir.remove();
});

function renderSection() {
  render(
    <I18nextProvider i18n={i18n}>
      <HandoverSection />
    </I18nextProvider>,
  );
}

describe('handing cases over', { timeout: 30_000 }, () => {
  it('lets the successor make a receiving key, receive a package after comparing the signer’s code, and send the confirmation back (Dutch)', async () => {
    await i18n.changeLanguage('nl');
    await invoke('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
    await invoke('cases.create', caseInput({ label: 'eigen zaak' }));
    await other.ok('vault.create', { passphrase: CANARY.passphrase, function: 'central_confidential_adviser' });
    const handed = (await other.ok<{ id: number }>('cases.create', caseInput())).id;
    await other.ok('conversations.add', { caseId: handed, conversation: conversationInput() });

    const user = userEvent.setup();
    renderSection();
    await user.click(await screen.findByRole('button', { name: 'Ontvangstsleutel maken' }));
    const code = (await screen.findByTestId('receiving-key-code')).textContent;
    await user.click(screen.getByRole('button', { name: 'Sleutelbestand opslaan' }));
    await screen.findByText(/confidant-handover-key\.json/);

    // The leaving adviser, on their laptop: the same code read out, the export first, then the package.
    const keyFile = lastSaved();
    expect((await other.ok<{ fingerprint: string }>('handover.readKey', { content: keyFile })).fingerprint).toBe(code);
    const { keyId } = (await other.ok<HandoverStatus>('handover.addSuccessor', { content: keyFile, fingerprint: code })).successors[0]!;
    await other.ok('handover.setConsent', { caseId: handed, givenOn: '2026-03-02' });
    const preview = await other.ok<ExportPreview>('handover.previewExport', {});
    await other.ok('handover.saveExport', { exportId: preview.file.exportId, unsealed: true });
    await other.ok('handover.send', { keyId, caseIds: [handed] });
    const signerCode = (await other.ok<HandoverStatus>('handover.status', {})).ownKeyFingerprint;

    await user.upload(screen.getByLabelText('Overdrachtspakket kiezen'), new File([other.lastSaved()], 'overdracht.age'));
    expect(await screen.findByTestId('package-signer-code')).toHaveTextContent(signerCode);
    const receive = screen.getByRole('button', { name: 'Zaken ontvangen' });
    expect(receive).toBeDisabled();
    await user.click(screen.getByLabelText('Ik heb deze code telefonisch vergeleken met de vertrekkende collega en hij klopt'));
    await user.click(receive);
    await screen.findByText('1 zaak ontvangen. Sla de bevestiging op en geef die aan de vertrekkende collega.');
    const received = screen.getByRole('table', { name: /^Ontvangen op/ });
    expect(within(received).getAllByRole('row').map((row) => row.textContent)).toEqual(['NummerNummer bij de voorganger', '2026-0022026-001']);
    expect(within(received).getAllByRole('columnheader').map((header) => header.getAttribute('scope'))).toEqual(['col', 'col']);

    await user.click(screen.getByRole('button', { name: 'Bevestiging opslaan' }));
    await screen.findByText(/confidant-handover-confirmation\.json/);
    expect(await other.ok('handover.confirm', { content: lastSaved() })).toEqual({ destroyed: 1 });
    expect(await other.codeOf('cases.get', { id: handed })).toBe('NOT_FOUND');
  });

  it('lets the leaving adviser add the successor after comparing the code, record consent, save the export, send, and take the confirmation (English)', async () => {
    await i18n.changeLanguage('en');
    await invoke('vault.create', { passphrase: CANARY.passphrase, function: 'central_confidential_adviser' });
    const handed = (await invoke('cases.create', caseInput())).id;
    await other.ok('vault.create', { passphrase: CANARY.passphrase, function: 'ombudsperson' });
    const keyStatus = await other.ok<HandoverStatus>('handover.createReceivingKey', {});
    await other.ok('handover.saveReceivingKey', { keyId: keyStatus.receivingKeys[0]!.keyId });

    const user = userEvent.setup();
    renderSection();
    // A file that is no key file is refused in words; the right one after it clears the refusal.
    await user.upload(await screen.findByLabelText("Choose the successor's key file"), new File(['{"format":"something else"}'], 'other.json'));
    expect(await screen.findByRole('alert')).toHaveTextContent('This is not a Confidant handover file. Nothing was changed.');
    await user.upload(screen.getByLabelText("Choose the successor's key file"), new File([other.lastSaved()], 'key.json'));
    expect(await screen.findByTestId('successor-key-code')).toHaveTextContent(keyStatus.receivingKeys[0]!.fingerprint);
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByLabelText('I compared this code with my successor by phone, and it matches'));
    await user.click(screen.getByRole('button', { name: 'Add successor' }));
    await screen.findByText('Successor added.');

    const choose = screen.getByRole('checkbox', { name: 'Hand over case 2026-001' });
    const columns = within(screen.getByRole('table', { name: 'Open cases' })).getAllByRole('columnheader');
    expect(columns.map((header) => header.getAttribute('scope'))).toEqual(['col', 'col', 'col', 'col']);
    expect(choose).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Record consent for 2026-001' }));
    await screen.findByText('Consent recorded for case 2026-001.');
    await user.click(screen.getByRole('checkbox', { name: 'Hand over case 2026-001' }));
    const send = screen.getByRole('button', { name: 'Save package with 1 case' });
    expect(send).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Show the export' }));
    await user.click(await screen.findByLabelText('I have read these numbers; save them unsealed for my own use (this vault has no team)'));
    await user.click(screen.getByRole('button', { name: 'Save the export' }));
    await screen.findByText(/^Your export of .* is saved\./);
    await user.click(screen.getByRole('button', { name: 'Save package with 1 case' }));
    await screen.findByText(/^Package saved as confidant-handover-[0-9a-f]{6}\.age\./);
    expect(await invoke('handover.status', {})).toMatchObject({ openCases: [{ id: handed, pending: true }] });

    // The successor, on their laptop, receives it after comparing this vault's code.
    const packageText = lastSaved();
    const summary = await other.ok<HandoverPackageSummary>('handover.readPackage', { content: packageText });
    expect(screen.getByTestId('own-signing-code')).toHaveTextContent(summary.signerFingerprint);
    const { packageId } = await other.ok<{ packageId: string }>('handover.receive', { content: packageText, signerFingerprint: summary.signerFingerprint });
    await other.ok('handover.saveConfirmation', { packageId });
    // A backup made while the case was still here: after the confirmation it holds a destroyed case.
    const backups = join(vault.dataDirectory, 'backups');
    mkdirSync(backups);
    vault.nextFolder(backups);
    await invoke('backup.chooseFolder', {});
    await invoke('backup.now', {});
    const [older] = readdirSync(backups);
    expect(screen.queryByRole('region', { name: 'Backups that still hold the handed-over cases' })).toBeNull();

    await user.upload(screen.getByLabelText("Choose the successor's confirmation"), new File([other.lastSaved()], 'confirmation.json'));
    await screen.findByText('Confirmation accepted: 1 case destroyed here.');
    await expect(invoke('cases.get', { id: handed })).rejects.toThrow();
    const stale = await screen.findByRole('region', { name: 'Backups that still hold the handed-over cases' });
    expect(stale).toHaveTextContent('1 backup in your backup folder was made before the confirmation and still holds the handed-over case(s).');
    await user.click(within(stale).getByRole('button', { name: 'Delete 1 backup' }));
    await user.click(within(stale).getByRole('button', { name: 'Yes, delete permanently' }));
    await screen.findByText('1 backup deleted.');
    // The older one is gone; the one the step made first, so the adviser is never without, holds none of it.
    expect(readdirSync(backups)).toHaveLength(1);
    expect(readdirSync(backups)).not.toContain(older);
    expect(await invoke('retention.staleBackups', {})).toEqual({ count: 0 });
    expect(screen.queryByRole('region', { name: 'Backups that still hold the handed-over cases' })).toBeNull();
  });
});
