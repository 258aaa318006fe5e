import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANARY } from '../../../../test/fixtures/canaries';
import { caseInput, reporter } from '../../../../test/fixtures/records';
import { installInProcessVault } from '../../../../test/support/inProcessVault';
import { i18n } from '../../i18n/i18n';
import { resetAllStores } from '../../stores/resettable';
import { DossierPreview } from './DossierPreview';

let vault: ReturnType<typeof installInProcessVault>;
beforeEach(async () => {
  vault = installInProcessVault();
  resetAllStores();
  await i18n.changeLanguage('nl');
  await handle('vault.create', { passphrase: CANARY.passphrase, function: 'central_confidential_adviser' });
});
afterEach(() => vault.remove());

async function handle<T>(channel: string, request: unknown): Promise<T> {
  const result = await vault.core.router.handle(channel, request);
  if (!result.ok) throw new Error(result.error.code);
  return result.value as T;
}

async function caseWithTwoRequests(reporters: number) {
  const { id: caseId } = await handle<{ id: number }>('cases.create', caseInput({ reporters: Array.from({ length: reporters }, (_, index) => reporter({ name: `Melder ${index + 1}` })) }));
  const { id: earlier } = await handle<{ id: number }>('access.recordRequest', { caseId, requestedOn: '2026-03-14' });
  const { id: answered } = await handle<{ id: number }>('access.recordRequest', { caseId, requestedOn: '2026-03-20' });
  return { caseId, earlier, answered };
}

const renderPreview = (caseId: number, requestId: number, joint: boolean) =>
  render(
    <I18nextProvider i18n={i18n}>
      <DossierPreview caseId={caseId} reporter={0} reporterName="Melder 1" requestId={requestId} joint={joint} onSaved={() => undefined} onClose={() => undefined} />
    </I18nextProvider>,
  );

describe('the access requests in a dossier preview', () => {
  it('in a joint case start left out, all but the request answered, and the adviser can put one back', async () => {
    const { caseId, earlier, answered } = await caseWithTwoRequests(2);
    renderPreview(caseId, answered, true);
    const other = (await screen.findAllByText('weggelaten: betreft een ander')).map((marker) => marker.closest<HTMLElement>('[data-passage]')!);
    expect(other.map((passage) => passage.getAttribute('data-passage'))).toEqual([`request.${earlier}`]);
    expect(screen.queryByText(/14 maart 2026/)).toBeNull();
    const own = screen.getByText(/^Verzoek van 20 maart 2026/).closest<HTMLElement>('[data-passage]')!;
    expect(within(own).getByRole('checkbox', { name: 'Weglaten (betreft een ander)' })).not.toBeChecked();
    expect(screen.getByText('1 passage weggelaten.')).toBeInTheDocument();

    await userEvent.setup().click(within(other[0]!).getByRole('checkbox', { name: 'Weglaten (betreft een ander)' }));
    expect(await screen.findByText(/^Verzoek van 14 maart 2026/)).toBeInTheDocument();
    expect(screen.getByText('0 passages weggelaten.')).toBeInTheDocument();
  });

  it('of a case with one reporter are all shown: every request is hers', async () => {
    const { caseId, answered } = await caseWithTwoRequests(1);
    renderPreview(caseId, answered, false);
    expect(await screen.findByText(/^Verzoek van 14 maart 2026/)).toBeInTheDocument();
    expect(screen.queryByText('weggelaten: betreft een ander')).toBeNull();
  });
});
