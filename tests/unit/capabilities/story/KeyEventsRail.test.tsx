import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveItem } from '../../../../src/core/feed/feed-types';
import { KEY_EVENTS_AT_FIRST } from '../../../../src/core/feed/first-screen';
import { KeyEventsRail } from '../../../../src/capabilities/story/KeyEventsRail';
import { item } from '../../../support/feed-builders';

// Newest first, as the rail receives them.
const keyEvents = (n: number) =>
  Array.from({ length: n }, (_, i) => item(`k${i}`, -i, { keyEvent: true }));

function renderRail(n: number | readonly LiveItem[], timeZone = 'UTC', open = true) {
  const onJump = vi.fn<(id: string) => void>();
  render(
    <KeyEventsRail
      items={typeof n === 'number' ? keyEvents(n) : n}
      locale="en-GB"
      timeZone={timeZone}
      onJump={onJump}
      pageUrl={(id) => `#update-${id}`}
      open={open}
    />,
  );
  const nav = screen.getByRole('navigation', { name: 'Key events' });
  return { nav, onJump, links: () => within(nav).getAllByRole('link') };
}

/** What the rail says of each event's time, and the instant its <time> gives. */
function times(events: readonly LiveItem[], timeZone?: string) {
  const { nav } = renderRail(events, timeZone);
  return Array.from(nav.querySelectorAll('time'), (t) => [t.textContent, t.dateTime]);
}

const DAY = 24 * 60;
// Newest first; minutes after 10:00 UTC on 12 July 2023.
const keyEventsAt = (...minutes: number[]) =>
  minutes.map((m, i) => item(`k${i}`, m, { keyEvent: true }));

describe('KeyEventsRail', () => {
  it('open beside the timeline, folded above it, and as the reader leaves it', async () => {
    const user = userEvent.setup();
    const { nav } = renderRail(3, 'UTC', false);
    const details = nav.querySelector('details')!;
    expect(details.open).toBe(false);
    await user.click(within(nav).getByText('Key events (3)'));
    expect(details.open).toBe(true);
    cleanup();
    expect(renderRail(3, 'UTC', true).nav.querySelector('details')!.open).toBe(true);
  });

  it('a short story: every key event, and no button', () => {
    const { nav, links } = renderRail(KEY_EVENTS_AT_FIRST);
    expect(links()).toHaveLength(KEY_EVENTS_AT_FIRST);
    expect(within(nav).queryByRole('button')).toBeNull();
  });

  it('a long story: the newest few, then all of them on request, and back', async () => {
    const user = userEvent.setup();
    const { nav, links, onJump } = renderRail(37);
    expect(within(nav).getByText('Key events (37)')).toBeTruthy();
    expect(links()).toHaveLength(KEY_EVENTS_AT_FIRST);
    expect(links()[0]!.textContent).toContain('Update k0');

    const more = within(nav).getByRole('button', { name: 'Show all 37 key events' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    await user.click(more);
    expect(links()).toHaveLength(37);
    expect(links().at(-1)!.textContent).toContain('Update k36');
    await user.click(links().at(-1)!);
    expect(onJump).toHaveBeenCalledWith('k36');

    const fewer = within(nav).getByRole('button', { name: 'Show fewer key events' });
    expect(fewer.getAttribute('aria-expanded')).toBe('true');
    await user.click(fewer);
    expect(links()).toHaveLength(KEY_EVENTS_AT_FIRST);
  });
});

describe('KeyEventsRail times', () => {
  // Read on the day of the events unless a test says otherwise: 15:00 UTC on 12 July 2023.
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse('2023-07-12T15:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('events of today: the clock time alone', () => {
    expect(times(keyEventsAt(125, 5))).toEqual([
      ['12:05', '2023-07-12T12:05:00.000Z'],
      ['10:05', '2023-07-12T10:05:00.000Z'],
    ]);
  });

  it('events of one earlier day: the day with the time, not a time that reads as today', () => {
    vi.setSystemTime(Date.parse('2023-07-14T09:00:00Z'));
    expect(times(keyEventsAt(125, 5)).map(([text]) => text)).toEqual([
      '12 Jul, 12:05',
      '12 Jul, 10:05',
    ]);
  });

  it('events across days: the day with the time, on every event', () => {
    vi.setSystemTime(Date.parse('2023-07-13T12:00:00Z'));
    expect(times(keyEventsAt(DAY + 5, 5))).toEqual([
      ['13 Jul, 10:05', '2023-07-13T10:05:00.000Z'],
      ['12 Jul, 10:05', '2023-07-12T10:05:00.000Z'],
    ]);
  });

  it('the day is the one in the zone in use', () => {
    // 23:30 and 00:30 UTC: one evening in New York, two days in UTC.
    const events = keyEventsAt(14 * 60 + 30, 13 * 60 + 30);
    vi.setSystemTime(Date.parse('2023-07-13T01:00:00Z'));
    expect(times(events, 'America/New_York').map(([text]) => text)).toEqual(['20:30', '19:30']);
    cleanup();
    expect(times(events, 'UTC').map(([text]) => text)).toEqual(['13 Jul, 00:30', '12 Jul, 23:30']);
  });

  it('events across years: the year too', () => {
    expect(times(keyEventsAt(200 * DAY + 5, 5)).map(([text]) => text)).toEqual([
      '28 Jan 2024, 10:05',
      '12 Jul 2023, 10:05',
    ]);
  });
});
