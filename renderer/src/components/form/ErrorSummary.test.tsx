import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { z } from 'zod';
import { beforeEach, describe, expect, it } from 'vitest';
import { NATURES } from '../../../../shared/taxonomy';
import { i18n } from '../../i18n/i18n';
import { resetAllStores } from '../../stores/resettable';
import { ErrorSummary } from './ErrorSummary';
import { fieldErrors } from './fieldErrors';
import { CodeCheckboxes, CodeSelect, TextField } from './fields';
import { FormButtons } from './FormButtons';
import { useRecordForm } from './useRecordForm';

const Signal = z.object({
  unit: z.string().min(1, 'required'),
  theme: z.enum(NATURES),
  natures: z.array(z.enum(NATURES)).min(1, 'natureNeeded'),
  notes: z.string(),
});
type Nature = (typeof NATURES)[number];
type Signal = { unit: string; theme: Nature | null; natures: Nature[]; notes: string };

const saved: Signal[] = [];

/** A record form as the app's forms are built: the shared hook, the fields, the summary at the top. */
function SignalForm() {
  const form = useRecordForm<Signal>({
    key: 'test:signal',
    caseId: null,
    initial: { unit: '', theme: null, natures: [], notes: '' },
    validate: (value) => fieldErrors(Signal, value),
    save: async (value) => void saved.push(value),
  });
  const { value, shown, change } = form;
  return (
    <form onSubmit={form.onSubmit} noValidate aria-label="Signaal">
      <ErrorSummary form={form} />
      <TextField label="Notitie" multiline value={value.notes} onChange={(notes) => change({ notes })} />
      <TextField label="Eenheid" value={value.unit} onChange={(unit) => change({ unit })} error={shown.unit} />
      <CodeSelect list="nature" label="Thema" value={value.theme} onChange={(theme) => change({ theme })} emptyLabel="Kies…" error={shown.theme} />
      <CodeCheckboxes list="nature" legend="Aard" values={value.natures} onChange={(natures) => change({ natures })} error={shown.natures} />
      <FormButtons saveLabel="Opslaan" />
    </form>
  );
}

function renderForm() {
  render(
    <I18nextProvider i18n={i18n}>
      <SignalForm />
    </I18nextProvider>,
  );
}

beforeEach(async () => {
  resetAllStores();
  saved.length = 0;
  await i18n.changeLanguage('nl');
});

describe('the error summary of a record form', () => {
  it('takes the focus when a save is refused, lists every message by its field, top to bottom, and each link focuses its field', async () => {
    const user = userEvent.setup();
    renderForm();
    expect(screen.queryByTestId('error-summary')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));

    const summary = screen.getByRole('region', { name: 'Er is een probleem' });
    expect(document.activeElement).toBe(summary);
    expect(saved).toEqual([]);
    const links = within(summary).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(['Eenheid: Vul dit veld in.', 'Thema: Maak hier een keuze.', 'Aard: Kies minstens één aard van de melding.']);

    // Each field is marked with its own message, which the link points at.
    const unit = screen.getByLabelText('Eenheid');
    expect(unit).toHaveAttribute('aria-invalid', 'true');
    expect(unit).toHaveAccessibleDescription('Vul dit veld in.');
    expect(links[0]).toHaveAttribute('href', `#${unit.getAttribute('aria-describedby')}`);
    expect(screen.getByRole('group', { name: 'Aard' })).toHaveAccessibleDescription('Kies minstens één aard van de melding.');
    // A field without a message says nothing extra.
    expect(screen.getByLabelText('Notitie')).not.toHaveAttribute('aria-describedby');

    await user.click(links[1]!);
    expect(document.activeElement).toBe(screen.getByLabelText('Thema'));
    await user.click(links[2]!);
    expect(document.activeElement).toBe(within(screen.getByRole('group', { name: 'Aard' })).getAllByRole('checkbox')[0]);
    await user.click(links[0]!);
    expect(document.activeElement).toBe(unit);
  });

  it('follows the fields as they are corrected, takes the focus again at the next refusal, and is gone once the save succeeds', async () => {
    const user = userEvent.setup();
    renderForm();
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    await user.click(within(screen.getByTestId('error-summary')).getAllByRole('link')[0]!);
    await user.type(screen.getByLabelText('Eenheid'), 'Faculteit A');
    expect(within(screen.getByTestId('error-summary')).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Thema: Maak hier een keuze.',
      'Aard: Kies minstens één aard van de melding.',
    ]);
    expect(screen.getByLabelText('Eenheid')).toHaveAttribute('aria-invalid', 'false');

    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(document.activeElement).toBe(screen.getByTestId('error-summary'));

    await user.selectOptions(screen.getByLabelText('Thema'), 'workload');
    await user.click(screen.getByRole('checkbox', { name: 'Werkdruk' }));
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(screen.queryByTestId('error-summary')).toBeNull();
    expect(saved).toHaveLength(1);
  });

  it('speaks English when the adviser does', async () => {
    await i18n.changeLanguage('en');
    const user = userEvent.setup();
    renderForm();
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    const summary = screen.getByRole('region', { name: 'There is a problem' });
    expect(within(summary).getAllByRole('link')[0]).toHaveTextContent('Eenheid: Please fill in this field.');
  });
});
