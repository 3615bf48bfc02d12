// The first search of a large feed used to build the search index of every update at once,
// holding up the keystrokes typed meanwhile: it is built ahead, in steps, from the focus on.
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type * as NormaliseText from '../../../../src/core/filters/normalise-text';
import { LiveBlogRoot } from '../../../../src/widget/LiveBlogRoot';
import {
  advance,
  articles,
  feedUrl,
  installHarness,
  settle,
} from '../../../support/live-blog-harness';

// Every update text the search index normalises, in order.
const normalised = vi.hoisted(() => [] as string[]);
vi.mock('../../../../src/core/filters/normalise-text', async (actual) => {
  const real = await actual<typeof NormaliseText>();
  return {
    ...real,
    normaliseText: (text: string) => {
      normalised.push(text);
      return real.normaliseText(text);
    },
  };
});

installHarness();

const COUNT = 300;
const feed = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Large feed',
  items: Array.from({ length: COUNT }, (_, i) => ({
    id: `u${i}`,
    title: i === 7 ? 'Needle in the haystack' : `Update ${i}`,
    content_text: `Body of update ${i}`,
    date_published: new Date(Date.parse('2023-07-12T09:00:00Z') - i * 60_000).toISOString(),
  })),
});

describe('the search index of a large feed', () => {
  it('is built while the reader is in the search box, not by the first search', async () => {
    render(<LiveBlogRoot feed={feedUrl({ body: feed, etag: '"1"' })} locale="en" />);
    await settle();
    const search = screen.getByRole('searchbox', { name: 'Search updates' });
    normalised.length = 0;

    fireEvent.focus(search);
    expect(normalised).toHaveLength(0);
    await advance(100);
    expect(normalised).toHaveLength(COUNT);

    fireEvent.change(search, { target: { value: 'needle' } });
    await advance(1_000);
    expect(articles()).toHaveLength(1);
    // The search found the index built: no update's text was normalised again.
    expect(normalised).toHaveLength(COUNT);
  });
});
