// Two <live-blog sync-url> elements on one page: only one keeps its filters in the page's address.
// With both, each read the other's after a reload (or Back): a filter the reader set in one
// emptied the other, whose feed has nothing that matches it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './hosts/embed-test';
import { hostDocument } from './hosts/host-server';

const dir = mkdtempSync(path.join(os.tmpdir(), 'live-blog-several-address-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));
test.use({ serverOptions: { mode: 'static', staticDir: dir } });

const mars = JSON.parse(readFileSync('tests/fixtures/feeds/mars-landing.json', 'utf8')) as {
  items: { _liveblog?: { key_event?: boolean } }[];
};
writeFileSync(path.join(dir, 'mars.json'), JSON.stringify(mars));
// A feed with no key events at all.
const at = (minute: number) => new Date(Date.UTC(2023, 6, 12, 9, minute)).toISOString();
const plain = Array.from({ length: 4 }, (_, i) => ({
  id: `plain-${i}`,
  title: `Plain ${i}`,
  content_text: 'Body.',
  date_published: at(i),
}));
writeFileSync(
  path.join(dir, 'plain.json'),
  JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Plain', items: plain }),
);

test('a filter set in one widget does not empty the other after a reload', async ({
  page,
  server,
  host,
}) => {
  await page.setViewportSize({ width: 1300, height: 2000 });
  const url = host.page(
    '/two-sync.html',
    hostDocument(
      `<live-blog id="mars" feed="${server.url}fixtures/mars.json" sync-url poll="off"></live-blog>
       <live-blog id="plain" feed="${server.url}fixtures/plain.json" sync-url poll="off"></live-blog>`,
      `<script type="module" src="${server.url}embed.js"></script>`,
    ),
  );
  await page.goto(url);
  const marsBlog = page.locator('#mars');
  const plainBlog = page.locator('#plain');
  await expect(plainBlog.getByRole('article')).toHaveCount(plain.length);
  await marsBlog.getByRole('checkbox', { name: /key events/i }).check();
  const keyEvents = mars.items.filter((i) => i._liveblog?.key_event).length;
  await expect(marsBlog.getByRole('article')).toHaveCount(keyEvents);
  // The first widget keeps its filter in the address, as it was asked to.
  await expect(page).toHaveURL(/[?&]key=1/);
  await page.reload();
  await expect(marsBlog.getByRole('article')).toHaveCount(keyEvents);
  await expect(plainBlog.getByRole('article')).toHaveCount(plain.length);
});

test('the first widget in the page keeps the address, even when one below it renders first', async ({
  page,
  server,
  host,
}) => {
  await page.setViewportSize({ width: 1300, height: 900 });
  // The first in the page is shown at the foot, far below: the second, on screen, renders first.
  const url = host.page(
    '/two-sync-reversed.html',
    hostDocument(
      `<div style="display: flex; flex-direction: column-reverse">
         <live-blog id="mars" feed="${server.url}fixtures/mars.json" sync-url poll="off"></live-blog>
         <div style="height: 4000px"></div>
         <live-blog id="plain" feed="${server.url}fixtures/plain.json" sync-url poll="off"></live-blog>
       </div>`,
      // A reload opens at the top again, where the second widget is.
      `<script>history.scrollRestoration = 'manual'</script>
       <script type="module" src="${server.url}embed.js"></script>`,
    ),
  );
  await page.goto(url);
  const marsBlog = page.locator('#mars');
  const plainBlog = page.locator('#plain');
  await expect(plainBlog.getByRole('article')).toHaveCount(plain.length);
  await marsBlog.scrollIntoViewIfNeeded();
  await marsBlog.getByRole('checkbox', { name: /key events/i }).check();
  const keyEvents = mars.items.filter((i) => i._liveblog?.key_event).length;
  await expect(marsBlog.getByRole('article')).toHaveCount(keyEvents);
  await expect(page).toHaveURL(/[?&]key=1/);
  await page.reload();
  await expect(plainBlog.getByRole('article')).toHaveCount(plain.length);
  await marsBlog.scrollIntoViewIfNeeded();
  await expect(marsBlog.getByRole('article')).toHaveCount(keyEvents);
});
