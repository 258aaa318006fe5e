import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Two distinct groups of the key, chosen at random so a guess from the screen's layout does not help. */
function pickGroups(count: number): [number, number] {
  const random = new Uint32Array(2);
  crypto.getRandomValues(random);
  const first = random[0]! % count;
  const second = (first + 1 + (random[1]! % (count - 1))) % count;
  return first < second ? [first, second] : [second, first];
}

const normal = (value: string) => value.trim().toUpperCase();

/**
 * Asks for two groups of the key with the key hidden, so "I wrote it down" is checked, not
 * only ticked. A wrong group is marked and named; nothing is sent anywhere.
 */
export function RecoveryKeyCheck({ recoveryKey, onBack, onDone, continueLabel }: { recoveryKey: string; onBack(): void; onDone(): void; continueLabel: string }) {
  const { t } = useTranslation();
  const groups = recoveryKey.split('-');
  const [asked] = useState(() => pickGroups(groups.length));
  const [typed, setTyped] = useState<[string, string]>(['', '']);
  const [checked, setChecked] = useState(false);
  const wrong = asked.map((group, n) => normal(typed[n]!) !== groups[group]);

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (!wrong.some(Boolean)) onDone();
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="recovery-check-title">
      <h2 id="recovery-check-title">{t('recoveryKey.checkTitle')}</h2>
      <p>{t('recoveryKey.checkIntro', { first: asked[0] + 1, second: asked[1] + 1 })}</p>
      {asked.map((group, n) => (
        <div key={group} className="field">
          <label htmlFor={`recovery-group-${n}`}>{t('recoveryKey.group', { number: group + 1 })}</label>
          <input
            id={`recovery-group-${n}`}
            className="recovery-group"
            autoComplete="off"
            spellCheck={false}
            autoFocus={n === 0}
            value={typed[n]}
            aria-invalid={checked && wrong[n] ? true : undefined}
            aria-describedby={checked && wrong[n] ? `recovery-group-${n}-error` : undefined}
            onChange={(event) => setTyped(n === 0 ? [event.target.value, typed[1]] : [typed[0], event.target.value])}
          />
          {checked && wrong[n] && (
            <p id={`recovery-group-${n}-error`} className="error">
              {t('recoveryKey.groupWrong', { number: group + 1 })}
            </p>
          )}
        </div>
      ))}
      <div className="actions">
        <button type="button" className="secondary" onClick={onBack}>
          {t('recoveryKey.showAgain')}
        </button>
        <button type="submit">{continueLabel}</button>
      </div>
    </form>
  );
}
