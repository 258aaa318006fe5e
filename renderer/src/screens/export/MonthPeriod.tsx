import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportRequest } from '../../../../shared/contract';

type Period = ExportRequest['period'];

const pad = (month: number) => String(month).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Whole months of one year, as the core requires: from the first of one month to the last day of another. */
export function monthPeriod(year: number, fromMonth: number, toMonth: number): Period {
  return { from: `${year}-${pad(fromMonth)}-01`, to: `${year}-${pad(toMonth)}-${pad(lastDay(year, toMonth))}` };
}

/** The months that have ended this year, or last year's twelve in January. */
export function lastEndedMonths(today: Date = new Date()): Period {
  const endedMonth = today.getMonth();
  return endedMonth === 0 ? monthPeriod(today.getFullYear() - 1, 1, 12) : monthPeriod(today.getFullYear(), 1, endedMonth);
}

export function MonthPeriod({ period, onChange }: { period: Period; onChange(period: Period): void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const year = Number(period.from.slice(0, 4));
  const fromMonth = Number(period.from.slice(5, 7));
  const toMonth = Number(period.to.slice(5, 7));
  // Typed digit by digit: the period changes only once the year has four digits.
  const [yearText, setYearText] = useState(String(year));
  const monthName = (month: number) => new Intl.DateTimeFormat(i18n.language, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
  const months = Array.from({ length: 12 }, (_, index) => index + 1);
  return (
    <fieldset className="month-period">
      <legend>{t('export.period')}</legend>
      <label htmlFor={`${id}-year`}>{t('export.year')}</label>
      <input
        id={`${id}-year`}
        inputMode="numeric"
        value={yearText}
        onChange={(event) => {
          setYearText(event.target.value);
          if (/^\d{4}$/.test(event.target.value)) onChange(monthPeriod(Number(event.target.value), fromMonth, toMonth));
        }}
      />
      <label htmlFor={`${id}-from`}>{t('export.fromMonth')}</label>
      <select id={`${id}-from`} value={fromMonth} onChange={(event) => onChange(monthPeriod(year, Number(event.target.value), Math.max(Number(event.target.value), toMonth)))}>
        {months.map((month) => (
          <option key={month} value={month}>
            {monthName(month)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-to`}>{t('export.toMonth')}</label>
      <select id={`${id}-to`} value={toMonth} onChange={(event) => onChange(monthPeriod(year, Math.min(fromMonth, Number(event.target.value)), Number(event.target.value)))}>
        {months.map((month) => (
          <option key={month} value={month}>
            {monthName(month)}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
