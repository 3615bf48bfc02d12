import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UpdateTime } from '../../../../src/capabilities/timeline/UpdateTime';

const NOW = '2026-12-06T10:00:00Z';
const shown = (iso: string) => {
  render(<UpdateTime ms={Date.parse(iso)} locale="en-GB" timeZone="UTC" />);
  return screen.getByText((_, element) => element?.classList.contains('lb-time') ?? false)
    .textContent;
};

beforeEach(() => {
  vi.useFakeTimers({ now: new Date(NOW) });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('UpdateTime', () => {
  it('shows the clock and how long ago, within the last day', () => {
    expect(shown('2026-12-06T09:15:00Z')).toBe('09:15 UTC · 45 minutes ago');
  });

  it('shows the day, without the year, for an earlier day of this year', () => {
    expect(shown('2026-03-01T08:44:00Z')).toBe('1 Mar, 08:44');
  });

  it('names the year of an update from another year (an archived blog)', () => {
    expect(shown('2023-07-12T08:44:00Z')).toBe('12 Jul 2023, 08:44');
  });

  it('never says "just now" of a date far in the future (a mistyped year)', () => {
    expect(shown('2203-07-12T08:44:00Z')).toBe('12 Jul 2203, 08:44');
  });

  it('a US reader: the hour without a leading zero, in both forms', () => {
    const us = (iso: string) => {
      render(<UpdateTime ms={Date.parse(iso)} locale="en-US" timeZone="America/New_York" />);
      return screen.getAllByText((_, el) => el?.classList.contains('lb-time') ?? false).at(-1)!
        .textContent;
    };
    expect(us('2026-12-06T09:15:00Z')).toBe('4:15 AM EST · 45 minutes ago');
    expect(us('2026-03-01T13:44:00Z')).toBe('Mar 1, 8:44 AM');
  });

  it('names the zone of an older update in the hour the clocks went back', () => {
    // New York's 01:00–01:59 on 1 November 2026 came twice: EDT, then EST.
    const twice = ['2026-11-01T05:30:00Z', '2026-11-01T06:10:00Z'].map((iso) => {
      render(<UpdateTime ms={Date.parse(iso)} locale="en-US" timeZone="America/New_York" />);
      return screen.getAllByText((_, el) => el?.classList.contains('lb-time') ?? false).at(-1)!
        .textContent;
    });
    expect(twice).toEqual(['Nov 1, 1:30 AM EDT', 'Nov 1, 1:10 AM EST']);
  });
});
