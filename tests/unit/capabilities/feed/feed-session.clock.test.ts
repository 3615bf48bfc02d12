import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getFeedSession } from '../../../../src/capabilities/feed/feed-sessions';
import { wireFeed, wireItem } from '../../../support/feed-builders';
import { serve } from '../../../support/fake-feed-server';

// The next poll is counted on the reader's clock, which may jump: forward when the machine
// wakes from sleep, backward when a wrong clock is put right.

const HEAD = 'https://feeds.example/live/head.json';
const NOW = 1_700_000_000_000;
const HOUR = 3_600_000;
const client = new QueryClient();
const signal = () => new AbortController().signal;

afterEach(() => {
  client.clear();
  vi.unstubAllGlobals();
});

async function polledAt(at: number) {
  const session = getFeedSession(client, `${HEAD}?${at}`);
  serve({ [`${HEAD}?${at}`]: { body: wireFeed([wireItem('a', 0)]) } });
  await session.poll(signal(), () => at);
  return session;
}

describe('untilNextPoll', () => {
  it('counts from the end of the last poll', async () => {
    const session = await polledAt(NOW);
    const delay = session.nextDelay(false)!;
    expect(session.untilNextPoll(false, NOW + 1000)).toBe(delay - 1000);
  });

  it('polls at once when the machine slept past the poll', async () => {
    const session = await polledAt(NOW);
    expect(session.untilNextPoll(false, NOW + 5 * HOUR)).toBe(1);
  });

  it('never waits longer than one delay when the clock was put back', async () => {
    const session = await polledAt(NOW);
    const delay = session.nextDelay(false)!;
    expect(session.untilNextPoll(false, NOW - HOUR)).toBe(delay);
    expect(session.untilNextPoll(false, NOW - 24 * HOUR)).toBe(delay);
  });
});
