import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { beforeEach, describe, expect, it } from 'vitest';
import { VaultError } from '../api/client';
import { i18n } from '../i18n/i18n';
import { ConfirmButton } from './ConfirmButton';

beforeEach(async () => {
  await i18n.changeLanguage('nl');
});

function renderButton(onConfirm: () => Promise<void>) {
  render(
    <I18nextProvider i18n={i18n}>
      <ConfirmButton label="Verwijderen" question="Zeker weten?" confirmLabel="Ja, verwijderen" onConfirm={onConfirm} />
    </I18nextProvider>,
  );
}

describe('an inline confirmation', () => {
  it('is cancelled by Escape, runs nothing and gives the focus back to its button', async () => {
    const user = userEvent.setup();
    let ran = 0;
    renderButton(async () => {
      ran++;
    });
    await user.click(screen.getByRole('button', { name: 'Verwijderen' }));
    expect(screen.getByRole('alertdialog', { name: 'Zeker weten?' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Verwijderen' })).toHaveFocus());
    expect(ran).toBe(0);
  });

  it('says why a confirmed action was refused instead of failing silently', async () => {
    const user = userEvent.setup();
    renderButton(async () => {
      throw new VaultError('VAULT_LOCKED');
    });
    await user.click(screen.getByRole('button', { name: 'Verwijderen' }));
    await user.click(screen.getByRole('button', { name: 'Ja, verwijderen' }));
    expect((await screen.findByRole('alert')).textContent).toBe(i18n.t('errors.VAULT_LOCKED'));
    expect(screen.getByRole('button', { name: 'Verwijderen' })).toBeEnabled();
  });
});
