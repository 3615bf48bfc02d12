// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dateTimeFormat } from '../../../../src/core/time/date-time-format';
import { validTimeZone } from '../../../../src/core/time/time-zone';

const at = Date.UTC(2023, 6, 11, 22, 30);

describe('time zones from the feed', () => {
  it('keeps a zone Intl knows, trimmed, and drops anything else', () => {
    expect(validTimeZone(' Europe/Vilnius ')).toBe('Europe/Vilnius');
    expect(validTimeZone('Europe/Vilnius')).toBe('Europe/Vilnius');
    for (const zone of ['Mars/Olympus', '', '   ', null, undefined]) {
      expect(validTimeZone(zone), String(zone)).toBeUndefined();
    }
    // Asked again, the answer is the same.
    expect(validTimeZone('Mars/Olympus')).toBeUndefined();
  });

  it('formats in the asked zone, and in the runtime’s own when Intl does not know it', () => {
    const vilnius = dateTimeFormat('en-GB', { timeZone: 'Europe/Vilnius', timeStyle: 'short' });
    expect(vilnius.format(at)).toBe('01:30');
    expect(dateTimeFormat('en-GB', { timeZone: 'Europe/Vilnius', timeStyle: 'short' })).toBe(
      vilnius,
    );
    const fallback = dateTimeFormat('en-GB', { timeZone: 'Mars/Olympus', timeStyle: 'short' });
    const local = new Intl.DateTimeFormat('en', { timeStyle: 'short' });
    expect(fallback.format(at)).toBe(local.format(at));
  });
});
