// Creating Intl formatters is the slow part of formatting a date: each locale and options pair is
// made once. A zone Intl does not know falls back to the runtime's own zone rather than throwing,
// so one odd zone name never blanks a timeline.
const cache = new Map<string, Intl.DateTimeFormat>();

export function dateTimeFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, options);
    } catch {
      f = new Intl.DateTimeFormat('en', { ...options, timeZone: undefined });
    }
    cache.set(key, f);
  }
  return f;
}
