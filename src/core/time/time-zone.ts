// An IANA zone name is only known once Intl has tried it: one unknown zone would make every
// date format throw, so each name is checked once, and what fails is dropped by whoever asked.
const known = new Map<string, boolean>();

/** The zone, trimmed, if Intl knows it; otherwise undefined. */
export function validTimeZone(zone: string | null | undefined): string | undefined {
  const name = zone?.trim();
  if (!name) return undefined;
  let valid = known.get(name);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: name });
      valid = true;
    } catch {
      valid = false;
    }
    known.set(name, valid);
  }
  return valid ? name : undefined;
}
