import { useTranslation } from 'react-i18next';
import { useProgressStore } from '../stores/progressStore';

/** Where a long operation is (backup, restore, destruction, key rotation, export, import), announced politely. */
export function ProgressNotice() {
  const { t } = useTranslation();
  const current = useProgressStore((state) => state.current);
  if (!current) return null;
  const label = t(`progress.${current.operation}.title`);
  return (
    <div className="progress-notice" role="status" aria-live="polite">
      <span>
        {t('progress.line', { operation: label, phase: t(`progress.${current.operation}.${current.phase}`), step: current.step, steps: current.steps })}
      </span>
      <progress max={current.steps} value={current.step - 1} aria-label={label} />
    </div>
  );
}
