/** Wall-clock time to the minute, in the form date-time inputs use and the contract stores: 2026-03-14T09:30. */
export function localMinute(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Wall-clock time to the second (2026-03-14T09:30:05): when a destruction happened, to tell it from a backup in the same minute. */
export function localSecond(date: Date): string {
  return `${localMinute(date)}:${String(date.getSeconds()).padStart(2, '0')}`;
}
