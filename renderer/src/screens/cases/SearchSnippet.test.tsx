import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseListRequest, CaseSummary } from '../../../../shared/contract';
import { MARK_END, MARK_START } from '../../../../shared/searchSnippet';
import { CANARY } from '../../../../test/fixtures/canaries';
import { caseInput, conversationInput } from '../../../../test/fixtures/records';
import { installInProcessVault } from '../../../../test/support/inProcessVault';
import { invoke } from '../../api/client';
import { i18n } from '../../i18n/i18n';
import { useCaseListStore } from '../../stores/caseListStore';
import { useNavigationStore } from '../../stores/navigationStore';
import { resetAllStores } from '../../stores/resettable';
import { SearchSnippet } from './SearchSnippet';
import { SignalHits } from './SignalHits';

let vault: ReturnType<typeof installInProcessVault>;
beforeEach(async () => {
  vault = installInProcessVault();
  resetAllStores();
  await i18n.changeLanguage('nl');
  await vault.core.vault.create(CANARY.passphrase);
});
afterEach(() => vault.remove());

/** Text an adviser might paste that would be markup if the window ever read it as HTML. */
const HOSTILE = '<mark>nep</mark> <b>vet</b> <img src=x onerror="window.injected=1"> <script>window.injected=2</script>';
const filter: CaseListRequest['filter'] = { status: null, year: null, nature: null, intakeRoute: null, openWithoutResponse: false, search: '' };

describe('a search hit’s snippet in the window', () => {
  it('shows the core’s matching words as <mark> elements and everything typed as text, markup included', async () => {
    const { id } = await invoke('cases.create', caseInput({ label: 'Dossier' }));
    await invoke('conversations.add', { caseId: id, conversation: conversationInput({ notes: `Mevrouw Jansen belde. ${HOSTILE}`, participants: '' }) });
    const { rows } = await invoke('cases.list', { filter: { ...filter, search: 'jansen vet nep' }, sort: 'number_asc', offset: 0, limit: 10 });
    const { snippet } = rows[0] as CaseSummary;

    const { container } = render(<SearchSnippet snippet={snippet!} />);
    expect([...container.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['Jansen', 'nep', 'vet']);
    expect(container.querySelectorAll('b, img, script')).toHaveLength(0);
    expect(container.textContent).toContain('<mark>nep</mark> <b>vet</b> <img');
    expect((window as unknown as { injected?: number }).injected).toBeUndefined();
  });

  it('marks nothing for a marker without its partner, and never shows a marker', () => {
    const { container } = render(<SearchSnippet snippet={`a${MARK_END}b ${MARK_START}c ${MARK_START}d${MARK_END}`} />);
    expect([...container.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['d']);
    expect(container.textContent).toBe('ab c d');
  });
});

describe('signals found by a search, under the cases', () => {
  it('lists each with its date and marked snippet, and leads to the outreach screen', async () => {
    const user = userEvent.setup();
    await invoke('signals.create', { notedOn: '2026-04-01', unit: 'Bibliotheek', theme: 'workload', note: `Roosterdruk ${HOSTILE}` });
    await invoke('signals.create', { notedOn: '2026-03-01', unit: 'Bibliotheek', theme: 'intimidation', note: 'Iets anders' });
    render(
      <I18nextProvider i18n={i18n}>
        <SignalHits />
      </I18nextProvider>,
    );
    await useCaseListStore.getState().setFilter({ search: 'rooster vet' });
    const section = await screen.findByRole('region', { name: '1 signaal met deze woorden' });
    const [hit] = within(section).getAllByRole('listitem');
    expect(hit).toHaveTextContent(/^1 apr 2026Bibliotheek · Werkdruk · Roosterdruk <mark>nep<\/mark> <b>vet<\/b> <img/);
    expect([...hit!.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['Roosterdruk', 'vet']);
    expect(hit!.querySelectorAll('b, img, script')).toHaveLength(0);

    await user.click(within(section).getByRole('button', { name: 'Naar Signalen en activiteiten' }));
    expect(useNavigationStore.getState().view).toEqual({ name: 'outreach' });

    await useCaseListStore.getState().setFilter({ search: '' });
    expect(screen.queryByRole('region')).toBeNull();
  });
});
