import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TeamInfo } from '../../../../shared/contract';
import { CANARY } from '../../../../test/fixtures/canaries';
import { installInProcessVault } from '../../../../test/support/inProcessVault';
import { invoke } from '../../api/client';
import { i18n } from '../../i18n/i18n';
import { TeamSection } from './TeamSection';

let vault: ReturnType<typeof installInProcessVault>;
beforeEach(async () => {
  vault = installInProcessVault();
  await i18n.changeLanguage('nl');
  await invoke('vault.create', { passphrase: CANARY.passphrase, function: 'central_confidential_adviser' });
});
afterEach(() => vault.remove());

/** An invitation as a merging member's vault writes it, sealed to `merging` new recipients. */
async function invitation(teamId: string, merging: number): Promise<string> {
  const recipients = await Promise.all(Array.from({ length: merging }, async () => identityToRecipient(await generateX25519Identity())));
  return JSON.stringify({ format: 'confidant-team-invitation', version: 1, teamId, organisation: 'Universiteit Voorbeeld', recipients, units: [], k: 5, createdOn: '2026-01-05' });
}

function renderSection() {
  render(
    <I18nextProvider i18n={i18n}>
      <TeamSection />
    </I18nextProvider>,
  );
}

describe('the team settings', { timeout: 20_000 }, () => {
  it('let an adviser who already accepted take the updated invitation, after comparing its code', async () => {
    const teamId = randomUUID();
    const first = await invitation(teamId, 1);
    await invoke('team.acceptInvitation', { content: first, fingerprint: (await invoke('team.readInvitation', { content: first })).fingerprint });
    const updated = await invitation(teamId, 2);
    const updatedCode = (await invoke('team.readInvitation', { content: updated })).fingerprint;

    const user = userEvent.setup();
    renderSection();
    await screen.findByText('Deze kluis hoort bij team Universiteit Voorbeeld. Exports worden daarvoor verzegeld.');
    await user.upload(screen.getByLabelText('Uitnodiging kiezen'), new File([updated], 'uitnodiging.json'));
    expect(await screen.findByTestId('invitation-fingerprint')).toHaveTextContent(updatedCode);
    const replace = screen.getByRole('button', { name: 'Uitnodiging vervangen' });
    expect(replace).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Meedoen als tweede samenvoegende collega' })).toBeNull();
    await user.click(screen.getByLabelText('Ik heb deze code telefonisch vergeleken met de samenvoegende collega en hij klopt'));
    await user.click(replace);
    await screen.findByText(/Uitnodiging vervangen\. Sla uw aanmeldbestand opnieuw op/);
    expect(screen.getByTestId('team-fingerprint')).toHaveTextContent(updatedCode);
    expect((await invoke('team.info', {})).fingerprint).toBe(updatedCode);
  });

  it('show the merging member an acceptance’s key code before adding it, and a changed key for a known adviser as such', async () => {
    const team: TeamInfo = await invoke('team.create', { organisation: 'Universiteit Voorbeeld', units: [], k: 5 });
    const own = team.signers[0]!;
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const signingKey = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    const teamId = (JSON.parse(await vaultInvitation()) as { teamId: string }).teamId;
    const signed = ['confidant-team-acceptance', teamId, own.adviserId, own.function, 'false', signingKey].join('\n');
    const impostor = JSON.stringify({
      format: 'confidant-team-acceptance',
      version: 1,
      teamId,
      adviserId: own.adviserId,
      function: own.function,
      external: false,
      signingKey,
      signature: sign(null, Buffer.from(signed), privateKey).toString('base64'),
    });
    const newCode = (await invoke('team.readAcceptance', { content: impostor })).keyFingerprint;

    const user = userEvent.setup();
    renderSection();
    await user.upload(await screen.findByLabelText('Aanmeldbestand van een adviseur toevoegen'), new File([impostor], 'aanmelding.json'));
    expect(await screen.findByTestId('acceptance-key-fingerprint')).toHaveTextContent(newCode);
    expect(screen.getByRole('alert')).toHaveTextContent(own.keyFingerprint);
    const add = screen.getByRole('button', { name: 'Adviseur toevoegen' });
    await user.click(screen.getByLabelText('Ik heb deze sleutelcode telefonisch met de adviseur vergeleken en hij klopt'));
    // Compared is not enough: replacing a known adviser's key takes its own confirmation.
    expect(add).toBeDisabled();
    expect((await invoke('team.info', {})).signers[0]!.keyFingerprint).toBe(own.keyFingerprint);
    await user.click(screen.getByLabelText('De adviseur bevestigde een nieuwe sleutel: vervang de oude'));
    await user.click(add);
    await screen.findByText('Adviseur toegevoegd. Exports van deze kluis worden nu geaccepteerd.');
    expect(screen.getByRole('table', { name: 'Adviseurs van wie u exports accepteert' })).toHaveTextContent(newCode);
  });
});

/** The merging member's invitation, as saved through the app. */
async function vaultInvitation(): Promise<string> {
  await invoke('team.saveInvitation', {});
  return readFileSync(vault.saved.at(-1)!, 'utf8');
}
