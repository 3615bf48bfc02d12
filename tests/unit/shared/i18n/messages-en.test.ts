import { describe, expect, it } from 'vitest';
import { en } from '../../../../src/shared/i18n/messages-en';

describe('English catalogue', () => {
  it('groups the digits of large counts as English readers write them', () => {
    expect(en.updateCount(1234)).toBe('1,234 updates');
    expect(en.resultCount(1005, 12_345)).toBe('1,005 of 12,345 updates');
    expect(en.showingResults(999, 20_000)).toBe('Showing 999 of 20,000 updates');
    expect(en.newUpdates(1021)).toBe('1,021 new updates');
    expect(en.rejectedItems(2500)).toBe('2,500 updates could not be shown');
    expect(en.sinceLastVisit(1500, '14:05')).toBe('1,500 updates since you were here at 14:05');
    expect(en.keyEventsCount(1500)).toBe('Key events (1,500)');
    expect(en.keyEventsAll(1500)).toBe('Show all 1,500 key events');
  });

  it('keeps small counts as they were', () => {
    expect(en.updateCount(1)).toBe('1 update');
    expect(en.updateCount(999)).toBe('999 updates');
    expect(en.resultCount(3, 3)).toBe('3 updates');
  });
});
