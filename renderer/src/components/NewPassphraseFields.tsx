import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSPHRASE_MIN_LENGTH } from '../../../shared/limits';
import { ratePassphrase, type PassphraseVerdict } from '../../../shared/passphraseRule';
import { passphraseProblem } from './passphraseStrength';

/** Red, orange, green: the colour says the verdict, never more than it (a short passphrase is never green). */
export const VERDICT_COLOURS: Record<PassphraseVerdict, string> = { tooShort: '#b42318', tooLong: '#b42318', tooWeak: '#b54708', strong: '#067647' };

interface Props {
  passphrase: string;
  repeat: string;
  onPassphrase(value: string): void;
  onRepeat(value: string): void;
  labels: { passphrase: string; repeat: string };
  showProblems: boolean;
  autoFocus?: boolean;
}

/** Choosing a passphrase: typed twice, with live strength feedback and plain-language problems. */
export function NewPassphraseFields({ passphrase, repeat, onPassphrase, onRepeat, labels, showProblems, autoFocus = false }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const { verdict, score } = ratePassphrase(passphrase);
  // The bar grows with the score but stays short while the verdict is not strong.
  const filled = verdict === 'strong' ? score + 1 : Math.min(score + 1, 2);
  const problem = showProblems ? passphraseProblem(passphrase, repeat) : null;
  // The problem is read with the field it is about: the repeat when the two differ, else the passphrase.
  const problemId = `${id}-problem`;
  const onRepeatField = problem === 'mismatch';
  return (
    <>
      <label htmlFor={`${id}-passphrase`}>{labels.passphrase}</label>
      <input
        id={`${id}-passphrase`}
        type="password"
        autoComplete="new-password"
        value={passphrase}
        onChange={(event) => onPassphrase(event.target.value)}
        aria-describedby={problem && !onRepeatField ? `${id}-strength ${problemId}` : `${id}-strength`}
        aria-invalid={problem !== null && !onRepeatField}
        autoFocus={autoFocus}
      />
      <div id={`${id}-strength`} className={`strength strength-${verdict}`} data-verdict={verdict}>
        <div className="strength-bar" aria-hidden="true">
          <span data-testid="strength-fill" style={{ width: `${filled * 20}%`, backgroundColor: VERDICT_COLOURS[verdict] }} />
        </div>
        <span data-testid="strength-verdict" style={{ color: VERDICT_COLOURS[verdict] }}>
          {t('strength.label')}: {t(`strength.${verdict}`)}
        </span>
        <small>{t('strength.hint', { min: PASSPHRASE_MIN_LENGTH })}</small>
      </div>
      <label htmlFor={`${id}-repeat`}>{labels.repeat}</label>
      <input
        id={`${id}-repeat`}
        type="password"
        autoComplete="new-password"
        value={repeat}
        onChange={(event) => onRepeat(event.target.value)}
        aria-describedby={onRepeatField ? problemId : undefined}
        aria-invalid={onRepeatField}
      />
      {problem && (
        <p id={problemId} className="field-error" role="alert">
          {t(`validation.${problem}`, { min: PASSPHRASE_MIN_LENGTH })}
        </p>
      )}
    </>
  );
}
