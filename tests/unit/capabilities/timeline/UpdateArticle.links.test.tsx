// Relative links in an update's body resolve against the document the update came in
// (docs/feed-format.md, "URLs"): a page of the feed kept in another folder keeps its own links.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, expect, it, vi } from 'vitest';
import { defaultViewState } from '../../../../src/core/filters/filter-state';
import { LiveBlogRoot } from '../../../../src/widget/LiveBlogRoot';
import { isoAt, wireFeed, wireItem } from '../../../support/feed-builders';
import { feedUrl, installHarness, routes, settle } from '../../../support/live-blog-harness';

installHarness();
beforeEach(() => vi.setSystemTime(new Date(isoAt(300))));

const withNotes = (id: string, minute: number) =>
  wireItem(id, minute, { content_html: `<p>Read <a href="notes/${id}.html">the notes</a>.</p>` });
const notesLink = (title: string) =>
  within(screen.getByRole('article', { name: title }))
    .getByRole('link', { name: 'the notes' })
    .getAttribute('href');

it('resolves each body’s relative links beside its own document, head or page', async () => {
  const pageUrl = 'https://feeds.test/archive/2023/page-2.json';
  routes.set(pageUrl, { body: JSON.stringify(wireFeed([withNotes('early', 1)])) });
  const url = feedUrl({
    body: JSON.stringify(wireFeed([withNotes('late', 4)], { next_url: pageUrl })),
    etag: '"1"',
  });
  render(
    <LiveBlogRoot
      feed={url}
      locale="en-GB"
      initialView={{ ...defaultViewState, view: 'latest', order: 'oldest' }}
    />,
  );
  await settle();
  fireEvent.click(screen.getByRole('button', { name: 'Show earlier updates' }));
  await settle();
  expect(notesLink('Update late')).toBe('https://feeds.test/notes/late.html');
  expect(notesLink('Update early')).toBe('https://feeds.test/archive/2023/notes/early.html');
});
