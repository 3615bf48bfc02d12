// @vitest-environment node
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseRfc3339 } from '../../../../src/core/feed/rfc3339';
import { check, params, timeout } from '../../../support/arbitraries';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Length of a month, from the engine's own calendar (not from the code under test). */
function monthLength(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0); // day 0 of the next month = last day of this one
  return d.getUTCDate();
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  fraction: string | undefined; // digits after the point
  offset: string; // 'Z', 'z' or ±HH:MM
  separator: string;
}

/** Components of a valid date-time: day within the month's real length, seconds 0-59. */
const validParts: fc.Arbitrary<Parts> = fc
  .record({
    // Century years (1900 no leap, 2000 leap) and February are where calendars go wrong.
    year: fc.oneof(
      fc.integer({ min: 1000, max: 9999 }),
      fc.integer({ min: 10, max: 99 }).map((c) => c * 100),
    ),
    month: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constant(2)),
    // Spread days evenly over the month, and often take the last one (28-31).
    dayFraction: fc.oneof(
      fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
      fc.constant(0.999),
    ),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    fraction: fc.option(fc.stringMatching(/^\d{1,12}$/), { nil: undefined }),
    offset: fc.oneof(
      fc.constantFrom('Z', 'z', '-00:00', '+00:00'),
      fc
        .tuple(
          fc.constantFrom('+', '-'),
          fc.integer({ min: 0, max: 23 }),
          fc.integer({ min: 0, max: 59 }),
        )
        .map(([sign, h, m]) => `${sign}${pad(h)}:${pad(m)}`),
    ),
    separator: fc.constantFrom('T', 't', ' '),
  })
  .map(({ dayFraction, ...rest }) => ({
    ...rest,
    day: 1 + Math.floor(dayFraction * monthLength(rest.year, rest.month)),
  }));

function format(p: Parts): string {
  const fraction = p.fraction === undefined ? '' : `.${p.fraction}`;
  return (
    `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}${p.separator}` +
    `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${fraction}${p.offset}`
  );
}

/** The ECMAScript Date Time String Format of the same instant, which Date.parse must accept. */
function canonical(p: Parts): string {
  const ms = (p.fraction ?? '').slice(0, 3).padEnd(3, '0');
  const offset = p.offset.toUpperCase();
  return format({ ...p, separator: 'T', fraction: ms, offset });
}

describe('property: RFC 3339 date-time', () => {
  it(
    'property: a valid date-time parses to the same instant as Date.parse of its ISO form',
    () => {
      fc.assert(
        fc.property(validParts, (p) => {
          const expected = Date.parse(canonical(p));
          check(Number.isFinite(expected), `oracle rejected ${canonical(p)}`);
          const actual = parseRfc3339(format(p));
          check(actual === expected, `${format(p)}: ${actual} !== ${expected}`);
        }),
        params,
      );
    },
    timeout,
  );

  it(
    'property: an out-of-range component makes the date-time invalid',
    () => {
      // The first value past the limit (Feb 29 in 1900, hour 24 …) is the likeliest bug; test it often.
      const out = (min: number) => fc.oneof(fc.constant(min), fc.integer({ min, max: 99 }));
      const broken = fc.oneof(
        validParts.chain((p) => fc.constantFrom(0, 13, 99).map((month) => ({ ...p, month }))),
        validParts.map((p) => ({ ...p, day: 0 })),
        validParts.chain((p) =>
          out(monthLength(p.year, p.month) + 1).map((day) => ({ ...p, day })),
        ),
        validParts.chain((p) => out(24).map((hour) => ({ ...p, hour }))),
        validParts.chain((p) => out(60).map((minute) => ({ ...p, minute }))),
        validParts.chain((p) => out(61).map((second) => ({ ...p, second }))),
        validParts.chain((p) => {
          const hm = fc.oneof(
            fc.tuple(out(24), fc.integer({ min: 0, max: 59 })),
            fc.tuple(fc.integer({ min: 0, max: 23 }), out(60)),
          );
          return fc
            .tuple(fc.constantFrom('+', '-'), hm)
            .map(([sign, [h, m]]) => ({ ...p, offset: `${sign}${pad(h)}:${pad(m)}` }));
        }),
      );
      fc.assert(
        fc.property(broken, (p) => {
          const actual = parseRfc3339(format(p));
          check(actual === undefined, `${format(p)} accepted as ${actual}`);
        }),
        params,
      );
    },
    timeout,
  );

  it(
    'property: second 60 is one second after second 59',
    () => {
      fc.assert(
        fc.property(validParts, (p) => {
          const at59 = parseRfc3339(format({ ...p, second: 59 }));
          const at60 = parseRfc3339(format({ ...p, second: 60 }));
          check(at59 !== undefined && at60 === at59 + 1000, `${format(p)}: ${at59} / ${at60}`);
        }),
        params,
      );
    },
    timeout,
  );

  it(
    'property: arbitrary strings and mutated date-times never throw and give finite numbers',
    () => {
      // Characters that keep a mutation close to valid, plus whitespace and non-ASCII digits.
      const char = fc.oneof(
        fc.constantFrom(...'0123456789-:+.TtZz \n\u0660\u0665\uff10'.split('')),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      );
      const mutated = fc
        .tuple(
          validParts.map(format),
          fc.nat(),
          fc.constantFrom('replace', 'insert', 'delete'),
          char,
        )
        .map(([s, at, op, c]) => {
          const i = at % (s.length + 1);
          if (op === 'insert') return s.slice(0, i) + c + s.slice(i);
          return s.slice(0, i) + (op === 'replace' ? c : '') + s.slice(i + 1);
        });
      const input = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), mutated);
      fc.assert(
        fc.property(input, (s) => {
          const actual = parseRfc3339(s);
          check(actual === undefined || Number.isFinite(actual), `${JSON.stringify(s)}: ${actual}`);
        }),
        params,
      );
    },
    timeout,
  );
});
