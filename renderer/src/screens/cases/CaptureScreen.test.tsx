import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANARY } from '../../../../test/fixtures/canaries';
import { installInProcessVault } from '../../../../test/support/inProcessVault';
import { i18n } from '../../i18n/i18n';
import { useNavigationStore } from '../../stores/navigationStore';
import { resetAllStores } from '../../stores/resettable';
import { CaptureScreen } from './CaptureScreen';

let vault: ReturnType<typeof installInProcessVault>;
beforeEach(async () => {
  vault = installInProcessVault();
  resetAllStores();
  await i18n.changeLanguage('nl');
  await vault.core.router.handle('vault.create', { passphrase: CANARY.passphrase, function: 'central_confidential_adviser' });
});
afterEach(() => vault.remove());

const raw = (sql: string) => vault.core.vault.database().prepare(sql).all() as Record<string, unknown>[];

describe('a conversation with a new case', { timeout: 30_000 }, () => {
  it('needs only a label: saved with Ctrl+Enter as an incomplete case with its conversation, and refused without a label', async () => {
    useNavigationStore.setState({ view: { name: 'capture' } });
    render(
      <I18nextProvider i18n={i18n}>
        <CaptureScreen />
      </I18nextProvider>,
    );
    const user = userEvent.setup();
    // The caret starts in the label, the note follows it.
    expect(screen.getByLabelText('Kenmerk (alleen voor uzelf)')).toHaveFocus();
    await user.tab();
    expect(screen.getByLabelText('Notities')).toHaveFocus();
    await user.keyboard(`Belde over ${CANARY.noteWord}.`);
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByText('Er is een probleem')).toBeVisible();
    expect(raw('SELECT id FROM cases')).toEqual([]);

    await user.type(screen.getByLabelText('Kenmerk (alleen voor uzelf)'), 'Telefoontje');
    await user.click(screen.getByLabelText('Notities'));
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(raw('SELECT id FROM cases')).toHaveLength(1));
    const [row] = raw('SELECT id, label, first_contact_at, intake_route, reporter_identified, nature_set, needs_attention FROM cases');
    const [conversation] = raw('SELECT case_id, held_at, notes FROM conversations');
    expect(row).toMatchObject({ label: 'Telefoontje', intake_route: null, reporter_identified: null, nature_set: null, needs_attention: 1, first_contact_at: conversation!.held_at });
    expect(conversation).toMatchObject({ case_id: row!.id, notes: `Belde over ${CANARY.noteWord}.` });
    await waitFor(() => expect(useNavigationStore.getState().view).toEqual({ name: 'case', id: row!.id }));
  });
});
