// <live-blog> on host pages that enforce Trusted Types (require-trusted-types-for 'script'): with
// the policy names docs/embedding.md documents, the updates keep their HTML and the page sees no
// violation; on a host whose policy leaves the widget's name out, the updates show as text rather
// than not at all. The `page` fixture fails a test on any Trusted Types violation.
import { readFileSync } from 'node:fs';
import { trustedTypesViolations } from './fixtures';
import { expect, test } from './hosts/embed-test';
import { DOCUMENTED_POLICIES, trustedTypesArticle } from './hosts/trusted-types-host';

const demo = JSON.parse(readFileSync('public/feeds/vilnius-2023.json', 'utf8')) as {
  items: { content_html: string }[];
};
/** The blockquotes the demo's bodies hold: elements only where a body went in as HTML. */
const demoQuotes = demo.items.reduce(
  (n, item) => n + (item.content_html.match(/<blockquote>/g) ?? []).length,
  0,
);

test.use({ serverOptions: { mode: 'static' } });

test('with the documented policy names, updates keep their HTML, split at pasted posts', async ({
  page,
  server,
  host,
}) => {
  const url = trustedTypesArticle(host, server.url, {
    path: '/trusted-types.html',
    allowed: DOCUMENTED_POLICIES,
    feeds: ['feeds/vilnius-2023.json', 'fixtures/embeds.json'],
  });
  const response = await page.goto(url);
  expect(response!.headers()['content-security-policy']).toContain(
    "require-trusted-types-for 'script'",
  );
  const [blog, embeds] = [page.locator('live-blog').first(), page.locator('live-blog').nth(1)];
  await expect(blog.getByRole('article')).toHaveCount(demo.items.length);
  expect(demoQuotes).toBeGreaterThan(0);
  await expect(blog.locator('.lb-prose blockquote')).toHaveCount(demoQuotes);

  // A body holding a pasted post went through the split: its paragraphs around the gate.
  const reactions = embeds.getByRole('article', { name: 'Reactions pour in' });
  await expect(reactions.locator('.lb-update__body > *')).toHaveCount(4);
  await expect(reactions.locator('.lb-update__body > .lb-prose p').first()).toBeVisible();
  await expect(
    reactions.getByRole('button', { name: 'Load content from X', exact: true }),
  ).toBeVisible();
  expect(await trustedTypesViolations(page)).toEqual([]);
});

test.describe('a host whose policy leaves the widget out', () => {
  // The widget's refused policy is the one violation such a page sees.
  test.use({ allowTrustedTypesViolations: true });

  test('shows the updates as text, not a blank, and says why in the console', async ({
    page,
    server,
    host,
  }) => {
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const url = trustedTypesArticle(host, server.url, {
      path: '/own-policies-only.html',
      allowed: ['host-sanitiser'],
      feeds: ['feeds/vilnius-2023.json'],
    });
    await page.goto(url);
    const blog = page.locator('live-blog');
    await expect(blog.getByRole('article')).toHaveCount(demo.items.length);
    // Each body's words, as text: no element of the feed's HTML, no markup shown as characters.
    const first = demo.items[0]!.content_html;
    const words = /<p>([^<&]{20,60})/.exec(first)?.[1];
    expect(words, 'the first body opens with a paragraph of plain words').toBeTruthy();
    await expect(blog.getByRole('article').filter({ hasText: words! })).toHaveCount(1);
    await expect(blog.locator('.lb-prose blockquote')).toHaveCount(0);
    const bodies = await blog.locator('.lb-prose').allTextContents();
    expect(bodies.filter((text) => /<\/?[a-z]/i.test(text))).toEqual([]);
    expect(warnings.filter((w) => w.includes('"live-blog"'))).toHaveLength(1);
    expect(await trustedTypesViolations(page)).toEqual(['trusted-types: live-blog']);
    expect(errors).toEqual([]);
  });
});
