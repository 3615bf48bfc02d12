import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StatusLine } from '../../../../src/capabilities/live/StatusLine';

const T0 = Date.parse('2023-07-12T10:00:00Z');

/** The line as a reader sees it: what is announced, and what ticks beside it. */
const line = () => screen.getByRole('status').parentElement!;

describe('StatusLine of a live blog', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const live = (changedAt: number) => (
    <StatusLine
      status="live"
      changedAt={changedAt}
      rejectedCount={0}
      locale="en-GB"
      timeZone="UTC"
    />
  );

  it('says how long ago the last update came, within a day', () => {
    render(live(T0 - 5 * 60_000));
    expect(line()).toHaveTextContent('Live · updated 5 minutes ago');
  });

  it('does not announce each minute the last update grows older', () => {
    render(live(T0 - 5 * 60_000));
    act(() => {
      vi.advanceTimersByTime(3 * 60_000);
    });
    expect(line()).toHaveTextContent('Live · updated 8 minutes ago');
    expect(screen.getByRole('status')).toHaveTextContent(/^Live$/);
  });

  it('gives the date of a last update a day or more ago', () => {
    render(live(T0 - 3 * 86_400_000));
    expect(line()).toHaveTextContent(/^Live · last update .*9 Jul.*10:00/);
  });

  it('names the year of a last update in another year, live or ended', () => {
    const changedAt = Date.parse('2021-12-31T23:30:00Z');
    render(live(changedAt));
    expect(line()).toHaveTextContent(/last update 31 Dec 2021, 23:30$/);
    render(
      <StatusLine
        status="ended"
        changedAt={changedAt}
        rejectedCount={0}
        locale="en-GB"
        timeZone="UTC"
      />,
    );
    expect(screen.getAllByRole('status')[1]).toHaveTextContent(
      'This live blog has ended · last update 31 Dec 2021, 23:30',
    );
  });
});

describe('StatusLine before the feed is in', () => {
  it('says nothing of the blog: not "Live" for one that may have ended', () => {
    render(
      <StatusLine
        status={undefined}
        changedAt={undefined}
        rejectedCount={0}
        locale="en-GB"
        timeZone="UTC"
      />,
    );
    expect(line()).toHaveTextContent(/^$/);
    expect(screen.queryByText('Live')).not.toBeInTheDocument();
  });
});
