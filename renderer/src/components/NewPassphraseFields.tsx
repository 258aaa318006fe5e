import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSPHRASE_MIN_LENGTH } from '../../../shared/limits';
import { passphraseProblem, passphraseScore } from './passphraseStrength';

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
  const score = passphraseScore(passphrase);
  const problem = passphraseProblem(passphrase, repeat);
  return (
    <>
      <label htmlFor={`${id}-passphrase`}>{labels.passphrase}</label>
      <input
        id={`${id}-passphrase`}
        type="password"
        autoComplete="new-password"
        value={passphrase}
        onChange={(event) => onPassphrase(event.target.value)}
        aria-describedby={`${id}-strength`}
        autoFocus={autoFocus}
      />
      <div id={`${id}-strength`} className="strength" data-score={score}>
        <meter min={0} max={4} value={score} aria-label={t('strength.label')} />
        <span>
          {t('strength.label')}: {t(`strength.${score}`)}
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
      />
      {showProblems && problem && (
        <p className="field-error" role="alert">
          {t(`validation.${problem}`, { min: PASSPHRASE_MIN_LENGTH })}
        </p>
      )}
    </>
  );
}
