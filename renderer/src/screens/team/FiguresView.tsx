import { useTranslation } from 'react-i18next';
import type { Language, Published } from '../../../../shared/contract';
import { decimalText } from '../../../../shared/publication/shown';
import { CountCell } from './CountCell';

export interface Figure {
  label: string;
  value: Published;
  /** False for a ratio: shown as the language writes a decimal, never marked as a small cell. */
  count?: boolean;
}

/** Named numbers that are not parts of one whole (mediations, sessions, agreements…), as a two-column table. */
export function FiguresView({ title, figures, k, note }: { title: string; figures: Figure[]; k: number; note?: string }) {
  const { i18n } = useTranslation();
  const ratio = (value: Published) => (typeof value === 'number' ? decimalText(value, i18n.language as Language) : String(value));
  return (
    <section className="report-table" aria-label={title}>
      <h3>{title}</h3>
      {note && <p className="table-unit">{note}</p>}
      <table>
        <tbody>
          {figures.map((figure) => (
            <tr key={figure.label}>
              <th scope="row">{figure.label}</th>
              {figure.count === false ? <td>{ratio(figure.value)}</td> : <CountCell value={figure.value} k={k} />}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
