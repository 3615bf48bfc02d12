import { describe, expect, it } from 'vitest';
import { filterPanelMessages } from '../../../../src/capabilities/filters/filter-panel-messages';
import { noMatchesMessages } from '../../../../src/capabilities/filters/no-matches-messages';
import { mediaMessages } from '../../../../src/capabilities/timeline/media-messages';
import { en } from '../../../../src/shared/i18n/messages-en';
import { uk } from '../../../../src/shared/i18n/messages-uk';

// Sample arguments per parameter name: enough to call every function message.
function render(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'function') throw new Error(`unexpected message type ${typeof value}`);
  const fn = value as (...args: unknown[]) => unknown;
  const args = Array.from({ length: fn.length }, (_, i) => (i === 0 ? 3 : 7));
  // String parameters get a recognisable string; numbers work for both kinds in templates.
  const text = fn(...args);
  if (typeof text !== 'string') throw new Error('message did not return a string');
  return text;
}

// The catalogues, and the strings each lazy chunk brings with it.
const CATALOGUES: [string, object, object][] = [
  ['messages', en, uk],
  ['filter panel', filterPanelMessages.en, filterPanelMessages.uk],
  ['no matches', noMatchesMessages.en, noMatchesMessages.uk],
  ['media', mediaMessages.en, mediaMessages.uk],
];

// Messages that only arrange their arguments with punctuation: the same in both languages.
const FORMAT_ONLY = new Set(['messages.chartBar']);

describe.each(CATALOGUES)('Ukrainian %s', (name, englishStrings, ukrainianStrings) => {
  const english = englishStrings as Readonly<Record<string, unknown>>;
  const ukrainian = ukrainianStrings as Readonly<Record<string, unknown>>;
  it('has exactly the English keys, each of the same kind', () => {
    expect(Object.keys(ukrainian).sort()).toEqual(Object.keys(english).sort());
    for (const key of Object.keys(english)) {
      expect(typeof ukrainian[key], key).toBe(typeof english[key]);
      if (typeof english[key] === 'function') {
        expect((ukrainian[key] as (...a: unknown[]) => unknown).length, key).toBe(
          (english[key] as (...a: unknown[]) => unknown).length,
        );
      }
    }
  });

  it('gives every message a non-empty Ukrainian text', () => {
    for (const key of Object.keys(english)) {
      const text = render(ukrainian[key]);
      expect(text.trim(), key).not.toBe('');
      if (FORMAT_ONLY.has(`${name}.${key}`)) continue;
      // Cyrillic, not an untranslated English copy (every message has at least one word).
      expect(text, key).toMatch(/[а-яіїєґ]/i);
      expect(text, key).not.toBe(render(english[key]));
    }
  });
});

describe('Ukrainian catalogue', () => {
  it.each([
    [1, '1 оновлення'],
    [2, '2 оновлення'],
    [4, '4 оновлення'],
    [5, '5 оновлень'],
    [11, '11 оновлень'],
    [12, '12 оновлень'],
    [14, '14 оновлень'],
    [21, '21 оновлення'],
    [22, '22 оновлення'],
    [25, '25 оновлень'],
    [0, '0 оновлень'],
    [111, '111 оновлень'],
  ])('counts %i as "%s"', (n, text) => {
    expect(uk.updateCount(n)).toBe(text);
    expect(uk.resultCount(n, n)).toBe(text);
    expect(uk.rejectedItems(n)).toBe(`Не вдалося показати ${text}`);
  });

  it.each([
    [1, '1 нове оновлення'],
    [2, '2 нові оновлення'],
    [5, '5 нових оновлень'],
    [21, '21 нове оновлення'],
    [22, '22 нові оновлення'],
    [25, '25 нових оновлень'],
  ])('announces %i new updates as "%s"', (n, text) => {
    expect(uk.newUpdates(n)).toBe(text);
  });

  it.each([
    [1, 'з 1 оновлення'],
    [2, 'з 2 оновлень'],
    [5, 'з 5 оновлень'],
    [21, 'з 21 оновлення'],
    [22, 'з 22 оновлень'],
    [25, 'з 25 оновлень'],
  ])('puts "out of %i" in the genitive: "%s"', (total, ofText) => {
    expect(uk.resultCount(0, total)).toBe(`0 ${ofText}`);
    expect(uk.showingResults(0, total)).toBe(`Показано 0 ${ofText}`);
  });

  it('groups the digits of large counts, with a no-break space, and agrees with the number', () => {
    expect(uk.updateCount(1234)).toBe('1\u00a0234 оновлення');
    expect(uk.updateCount(20_000)).toBe('20\u00a0000 оновлень');
    expect(uk.newUpdates(1021)).toBe('1\u00a0021 нове оновлення');
    expect(uk.resultCount(1005, 12_345)).toBe('1\u00a0005 з 12\u00a0345 оновлень');
    expect(uk.keyEventsCount(1500)).toBe('Ключові події (1\u00a0500)');
  });

  it('counts retry delays in abbreviated units', () => {
    expect(uk.retryIn(0)).toBe('повторна спроба зараз');
    expect(uk.retryIn(5)).toBe('повторна спроба через 5 с');
    expect(uk.retryIn(120)).toBe('повторна спроба через 2 хв');
    expect(uk.retryIn(125)).toBe('повторна спроба через 2 хв 5 с');
  });

  it('says "о" before a clock time, not before a date', () => {
    expect(uk.lastUpdateAt('10:42')).toBe('останнє оновлення о 10:42');
    expect(uk.lastUpdateAt('9 лип., 10:00')).toBe('останнє оновлення 9 лип., 10:00');
    expect(uk.sinceLastVisit(21, '9 лип. 2023 р., 10:00')).toBe(
      '21 оновлення відтоді, як ви були тут 9 лип. 2023 р., 10:00',
    );
    expect(uk.sinceLastVisit(5, '14:05')).toBe('5 оновлень відтоді, як ви були тут о 14:05');
  });

  it('fills in the given values', () => {
    expect(uk.updatedAt('10:42')).toBe('Оновлено о 10:42');
    expect(uk.errorServer(503)).toContain('503');
    const { removeFilter, searchFor } = noMatchesMessages.uk;
    expect(removeFilter(searchFor('НАТО'))).toBe('Прибрати фільтр «пошук „НАТО“»');
    expect(uk.filtersButton(0)).toBe('Фільтри');
    expect(uk.filtersButton(2)).toBe('Фільтри (активних: 2)');
  });
});
