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
});
