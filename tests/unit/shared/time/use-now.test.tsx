// The shared clock behind "5 min ago": a timer of minutes stands still while the machine sleeps or
// the tab is hidden, and the times must be right as soon as the reader sees the page again.
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { catchUpClocks, useNow } from '../../../../src/shared/time/use-now';

const START = Date.parse('2026-03-01T12:00:00Z');

function Minutes() {
  const now = useNow(60_000);
  return <p>{Math.round((now - START) / 60_000)} min</p>;
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});
afterEach(() => vi.useRealTimers());

function showPage(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, value: state });
  act(() => void document.dispatchEvent(new Event('visibilitychange')));
}

it('moves on with its timer', () => {
  render(<Minutes />);
  expect(screen.getByText('0 min')).toBeInTheDocument();
  act(() => void vi.advanceTimersByTime(60_000));
  expect(screen.getByText('1 min')).toBeInTheDocument();
});

it('is right the moment the page is shown again, not up to a minute later', () => {
  render(<Minutes />);
  showPage('hidden');
  // Asleep: the clock moves on, the timer does not fire.
  vi.setSystemTime(START + 5 * 60_000 + 50_000);
  showPage('visible');
  expect(screen.getByText('6 min')).toBeInTheDocument();
});

it('is put right when caught up after a sleep with the page shown, and only then', () => {
  // A day on from the other tests, so the shared clock starts afresh.
  vi.setSystemTime(START + 24 * 60 * 60_000);
  render(<Minutes />);
  expect(screen.getByText('1440 min')).toBeInTheDocument();
  act(() => void vi.advanceTimersByTime(30_000));
  // Awake, its timer keeps it: nothing to put right half a minute in.
  act(() => catchUpClocks());
  expect(screen.getByText('1440 min')).toBeInTheDocument();
  // Asleep for an hour: no event says so, and the timer is still half a minute off.
  vi.setSystemTime(START + 25 * 60 * 60_000 + 30_000);
  act(() => catchUpClocks());
  expect(screen.getByText('1501 min')).toBeInTheDocument();
});

it('starts from the reader’s clock when it was put back while nothing showed a time', () => {
  // A day on, so the shared clock starts afresh; then nothing shows a time while the reader's
  // clock goes back an hour.
  vi.setSystemTime(START + 2 * 24 * 60 * 60_000);
  const first = render(<Minutes />);
  expect(screen.getByText('2880 min')).toBeInTheDocument();
  first.unmount();
  vi.setSystemTime(START + 2 * 24 * 60 * 60_000 - 60 * 60_000);
  render(<Minutes />);
  expect(screen.getByText('2820 min')).toBeInTheDocument();
});
