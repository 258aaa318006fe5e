import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANARY } from '../../../../test/fixtures/canaries';
import { caseInput, conversationInput, reporter } from '../../../../test/fixtures/records';
import { installInProcessVault } from '../../../../test/support/inProcessVault';
import { i18n } from '../../i18n/i18n';
import { resetAllStores } from '../../stores/resettable';
import { ErasurePanel } from './ErasurePanel';

const ASKING = 'Małgorzata Wiśniewska';
const ERASED = 'Ayşe Yılmaz';

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

describe('the erasure panel, before the typed confirmation', () => {
  it('lists in Dutch each kept line that still names the reporter, with its entry, and drops it once the adviser edited the note', async () => {
    const { id: caseId } = await handle<{ id: number }>('cases.create', caseInput({ reporters: [reporter({ name: ASKING }), reporter({ name: ERASED })] }));
    const shared = conversationInput({ heldAt: '2026-03-04T10:00', participants: `${ASKING}, ${ERASED}`, notes: `Samen gesproken.\nHet voorstel kwam van ${ERASED}.` });
    const { id: sharedId } = await handle<{ id: number }>('conversations.add', { caseId, conversation: shared });
    await handle('conversations.add', { caseId, conversation: conversationInput({ heldAt: '2026-03-05T10:00', participants: ERASED, notes: `Alleen ${ERASED}.` }) });

    const user = userEvent.setup();
    render(
      <I18nextProvider i18n={i18n}>
        <ErasurePanel caseId={caseId} reporter={1} name={ERASED} onClose={() => undefined} />
      </I18nextProvider>,
    );
    const list = await screen.findByRole('region', { name: 'Tekst die blijft en deze melder nog noemt' });
    const items = within(list).getAllByRole('listitem');
    // The shared entry's note is kept and listed; the other reporter's own entry goes, so its note is not.
    expect(items.map((item) => item.textContent)).toEqual([`Gesprek van 4 mrt 2026, 10:00, notities: Het voorstel kwam van ${ERASED}.`]);
    expect(within(list).getByText(/Het wissen haalt de naam alleen weg uit wie er deelnamen/)).toBeInTheDocument();

    await handle('conversations.update', { id: sharedId, conversation: { ...shared, notes: 'Samen gesproken.\nHet voorstel kwam van de andere melder.' } });
    await user.click(within(list).getByRole('button', { name: 'Opnieuw nakijken' }));
    await expect.poll(() => screen.queryByRole('region', { name: 'Tekst die blijft en deze melder nog noemt' })).toBeNull();
    expect(screen.getByLabelText('Typ het zaaknummer 2026-001 om te bevestigen')).toBeInTheDocument();
  });
});
