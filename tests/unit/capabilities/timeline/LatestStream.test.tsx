// The Latest view's day dividers: a day of another year than the reader's names its year, as the
// updates' own times do; this year's days do not.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultViewState } from '../../../../src/core/filters/filter-state';
import { LiveBlogRoot } from '../../../../src/widget/LiveBlogRoot';
import { feedUrl, installHarness, settle } from '../../../support/live-blog-harness';

// The harness's clock: 10:00 UTC on Wednesday 12 July 2023.
installHarness();

const feed = (...dates: string[]) =>
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Archive',
    _liveblog: { status: 'ended', timezone: 'America/Sao_Paulo' },
    items: dates.map((date, i) => ({
      id: `u${i}`,
      title: `Update ${i}`,
      content_text: 'Text.',
      date_published: date,
    })),
  });

const dividers = () => screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);

async function show(body: string) {
  const latest = { ...defaultViewState, view: 'latest' as const };
  render(<LiveBlogRoot feed={feedUrl({ body })} locale="en-GB" initialView={latest} standalone />);
  await settle();
}

describe('the Latest view’s day dividers', () => {
  it('name the year of a blog from another year, even when it spans one day', async () => {
    await show(feed('2018-11-03T23:59:00-03:00', '2018-11-03T12:00:00-03:00'));
    expect(dividers()).toEqual(['Saturday, 3 November 2018']);
  });

  it('leave out this year', async () => {
    await show(feed('2023-07-12T06:00:00-03:00', '2023-07-11T12:00:00-03:00'));
    expect(dividers()).toEqual(['Wednesday 12 July', 'Tuesday 11 July']);
  });
});
