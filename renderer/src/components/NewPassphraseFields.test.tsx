import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { beforeEach, describe, expect, it } from 'vitest';
import { CANARY } from '../../../test/fixtures/canaries';
import { pastedText } from '../../../test/fixtures/pastedText';
import { i18n } from '../i18n/i18n';
import { NewPassphraseFields } from './NewPassphraseFields';

const GREEN = 'rgb(6, 118, 71)';

function meterFor(passphrase: string) {
  render(
    <I18nextProvider i18n={i18n}>
      <NewPassphraseFields passphrase={passphrase} repeat={passphrase} onPassphrase={() => undefined} onRepeat={() => undefined} labels={{ passphrase: 'Wachtwoordzin', repeat: 'Herhaal' }} showProblems />
    </I18nextProvider>,
  );
  return { verdict: screen.getByTestId('strength-verdict'), fill: screen.getByTestId('strength-fill') };
}

beforeEach(async () => {
  await i18n.changeLanguage('nl');
});

describe('the passphrase meter', () => {
  it('says "Zomer2024!" is too short, in red, never green', () => {
    const { verdict, fill } = meterFor('Zomer2024!');
    expect(verdict.textContent).toBe('Sterkte: Te kort');
    expect(getComputedStyle(verdict).color).not.toBe(GREEN);
    expect(getComputedStyle(fill).backgroundColor).toBe('rgb(180, 35, 24)');
    expect(verdict.closest('.strength')?.className).toContain('strength-tooShort');
  });

  it('says a twelve-character guessable one is too easy to guess, in orange', () => {
    const { verdict, fill } = meterFor('password1234');
    expect(verdict.textContent).toBe('Sterkte: Te makkelijk te raden');
    expect(getComputedStyle(fill).backgroundColor).toBe('rgb(181, 71, 8)');
  });

  it('draws only a strong passphrase green', () => {
    const { verdict, fill } = meterFor(CANARY.passphrase);
    expect(verdict.textContent).toBe('Sterkte: Sterk');
    expect(getComputedStyle(fill).backgroundColor).toBe(GREEN);
  });

  it.each([10_000, 30_000_000])('says %i pasted characters are too long, in red, without stalling', (length) => {
    const pasted = pastedText(length);
    const started = performance.now();
    const { verdict, fill } = meterFor(pasted);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(verdict.textContent).toBe('Sterkte: Te lang');
    expect(getComputedStyle(fill).backgroundColor).toBe('rgb(180, 35, 24)');
    expect(screen.getByRole('alert').textContent).toBe('Deze tekst is te lang.');
  });
});
