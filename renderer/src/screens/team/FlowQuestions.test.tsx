import { readFileSync } from 'node:fs';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProfileUpdate } from '../../../../shared/contract';
import { CANARY } from '../../../../test/fixtures/canaries';
import { caseInput } from '../../../../test/fixtures/records';
import { installInProcessVault } from '../../../../test/support/inProcessVault';
import { invoke } from '../../api/client';
import { i18n } from '../../i18n/i18n';
import { resetAllStores } from '../../stores/resettable';
import { TeamReportScreen } from './TeamReportScreen';

let vault: ReturnType<typeof installInProcessVault> | null = null;
afterEach(() => vault?.remove());

async function openVault(profile: ProfileUpdate) {
  vault?.remove();
  vault = installInProcessVault();
  resetAllStores();
  await invoke('vault.create', { passphrase: CANARY.passphrase, ...profile });
}

async function exportOf(profile: ProfileUpdate, cases: Parameters<typeof caseInput>[0][]): Promise<string> {
  await openVault(profile);
  for (const overrides of cases) await invoke('cases.create', caseInput(overrides));
  const { file } = await invoke('export.preview', { period: { from: '2026-01-01', to: '2026-10-31' }, includeUnits: false });
  await invoke('export.save', { exportId: file.exportId, unsealed: true });
  return readFileSync(vault!.saved.at(-1)!, 'utf8');
}

describe('referrals that do not add up', { timeout: 60_000 }, () => {
  it('asks the merging member in words naming functions, holds publishing until answered, and keeps the answer in the vault', async () => {
    await i18n.changeLanguage('nl');
    const referred = { handlings: ['referral' as const], referrals: [{ target: 'confidential_adviser' as const, referredOn: '2026-03-02' }] };
    const sent = await exportOf({ function: 'concerns_point_coordinator', external: false }, [referred, referred]);
    const received = await exportOf({ function: 'central_confidential_adviser', external: false }, [{ intakeRoute: 'referred_by_function', referredInBy: 'concerns_point' }, {}]);
    await openVault({ function: 'ombudsperson', external: false });
    for (const content of [sent, received]) await invoke('team.import', { content, replace: [], acceptUnsealed: true });

    const user = userEvent.setup();
    render(
      <I18nextProvider i18n={i18n}>
        <TeamReportScreen />
      </I18nextProvider>,
    );
    const questions = await screen.findByRole('region', { name: 'Doorverwijzingen die niet kloppen' });
    const flow = within(questions).getByRole('group', {
      name: 'Het meldpunt zegt 2 meldingen te hebben doorverwezen naar een centrale vertrouwenspersoon; de exports aan die kant ontvingen er 1 als doorverwezen.',
    });
    expect(questions.textContent).not.toContain('CANARY');
    expect(screen.getByRole('button', { name: 'Opslaan als PDF…' })).toBeDisabled();
    expect(screen.getByText('Nog 1 doorverwijzing te beantwoorden voordat u publiceert (zie ‘Doorverwijzingen die niet kloppen’).')).toBeInTheDocument();

    await user.click(within(flow).getByRole('radio', { name: 'Een centrale vertrouwenspersoon legde ze vast als rechtstreekse melding: tel ze één keer' }));
    await screen.findByText('Antwoord opgeslagen; het totaal en de voetnoot volgen het.');
    expect(within(flow).getByRole('radio', { name: /legde ze vast als rechtstreekse melding/ })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Opslaan als PDF…' })).toBeEnabled();
    const kept = await invoke('team.report', { year: 2026, k: 5, grouped: true });
    expect(kept.exact.team!.keyFigures).toMatchObject({ reports: 2, recordedReports: 3 });
  });
});
