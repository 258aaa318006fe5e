const formatters = new Map<string, Intl.DateTimeFormat>();

/** Building an Intl formatter costs far more than using one, so each language and style is built once. */
function formatter(language: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${language}:${withTime}`;
  let cached = formatters.get(key);
  if (!cached) {
    // A 24-hour clock in both languages: advisers log times of day, never "08:30 PM".
    cached = new Intl.DateTimeFormat(language, withTime ? { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' } : { dateStyle: 'medium' });
    formatters.set(key, cached);
  }
  return cached;
}

/** Dates as the adviser reads them, in the chosen language; stored values stay ISO-like strings. */
export function formatDateTime(value: string, language: string): string {
  return formatter(language, true).format(new Date(value));
}

export function formatDate(value: string, language: string): string {
  return formatter(language, false).format(new Date(`${value}T00:00`));
}
