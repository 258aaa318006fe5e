import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { Published } from '../../../../shared/contract';
import { shownCount } from '../../../../shared/publication/shown';

/**
 * In the adviser's export preview: the team's threshold k, below which a non-zero count is
 * marked as a small cell the team will never publish as is. Null elsewhere (no marking).
 */
export const SmallCellThreshold = createContext<number | null>(null);

function useSmall(value: Published | null): number | null {
  const below = useContext(SmallCellThreshold);
  return below !== null && typeof value === 'number' && value > 0 && value < below ? below : null;
}

/** A count as the report shows it, marked (visibly and for screen readers) when it is a small cell. */
export function CountText({ value, k }: { value: Published | null; k: number }) {
  const { t } = useTranslation();
  const small = useSmall(value);
  if (small === null) {
    if (typeof value !== 'string') return <>{shownCount(value, k)}</>;
    return (
      <span className={`suppressed suppressed-${value}`} title={t(`team.suppressed.${value}`, { k })}>
        {shownCount(value, k)}
      </span>
    );
  }
  return (
    <mark className="small-cell" title={t('export.smallCell', { k: small })}>
      {shownCount(value, k)}
      <span className="visually-hidden"> ({t('export.smallCell', { k: small })})</span>
    </mark>
  );
}

export function CountCell({ value, k }: { value: Published | null; k: number }) {
  return (
    <td>
      <CountText value={value} k={k} />
    </td>
  );
}
