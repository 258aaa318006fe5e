export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** The adviser's wall-clock time to the minute, in the same form the forms send: 2026-03-14T09:30. */
export function localMinute(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
