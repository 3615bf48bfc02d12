// Several <live-blog> elements on one host page all read the page's address: a permalink
// (#update-<id>) belongs to the one that shows that update. The others keep their preset, load
// none of their feed's older pages for it and say nothing, and when two show it, the page lands
// on the first.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './hosts/embed-test';
import { hostDocument } from './hosts/host-server';

const dir = mkdtempSync(path.join(os.tmpdir(), 'live-blog-several-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));
test.use({ serverOptions: { mode: 'static', staticDir: dir } });

const mars = JSON.parse(readFileSync('tests/fixtures/feeds/mars-landing.json', 'utf8')) as {
  items: { id: string; _liveblog?: { key_event?: boolean; pinned?: boolean } }[];
};
writeFileSync(path.join(dir, 'mars.json'), JSON.stringify(mars));
/** An update that is not a key event: a "key events only" box does not show it. */
const plain = mars.items.find((i) => !i._liveblog?.key_event && !i._liveblog?.pinned)!;
const keyEvent = mars.items.find((i) => i._liveblog?.key_event && !i._liveblog.pinned)!;

// Another feed, with older pages behind its head.
const at = (minute: number) =>
  new Date(Date.UTC(2023, 6, 12, 9, 0) + minute * 60_000).toISOString();
for (let p = 0; p < 3; p++) {
  const file = path.join(dir, p === 0 ? 'paged.json' : `paged/${p}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  const items = Array.from({ length: 5 }, (_, i) => ({
    id: `p${p}-${i}`,
    title: `Update ${p}-${i}`,
    content_text: 'Body.',
    date_published: at(100 - p * 5 - i),
  }));
  const next = p < 2 ? { next_url: `${p === 0 ? 'paged/' : ''}${p + 1}.json` } : {};
  writeFileSync(
    file,
    JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Paged', items, ...next }),
  );
}

const spacer = '<p style="height: 1500px">Article text.</p>';
const updateIn = (scope: Locator, id: string) => scope.locator(`[id="update-${id}"]`);

async function openOnPermalink(page: Page, url: string, id: string) {
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.goto(`${url}#update-${encodeURIComponent(id)}`);
}

async function expectLandedOn(page: Page, target: Locator) {
  await expect(target).toHaveClass(/lb-update--target/);
  await expect(target).toBeFocused();
  await expect(target).toBeInViewport();
}

test('a preset box before the full blog keeps its preset: the full blog takes the permalink', async ({
  page,
  server,
  host,
}) => {
  const feed = `${server.url}fixtures/mars.json`;
  const url = host.page(
    '/box.html',
    hostDocument(
      `<aside><h2>Key moments</h2>
         <live-blog id="box" feed="${feed}" key-events controls="none" poll="off"></live-blog>
       </aside>
       ${spacer}
       <live-blog id="blog" feed="${feed}" poll="off"></live-blog>`,
      `<script type="module" src="${server.url}embed.js"></script>`,
    ),
  );
  await openOnPermalink(page, url, plain.id);
  const box = page.locator('#box');
  const blog = page.locator('#blog');
  await expectLandedOn(page, updateIn(blog, plain.id));
  // The box still shows its key events only, and has nothing to say about the link.
  await expect(updateIn(box, keyEvent.id)).toBeAttached();
  await expect(updateIn(box, plain.id)).toHaveCount(0);
  await expect(box.getByRole('article')).toHaveCount(
    mars.items.filter((i) => i._liveblog?.key_event).length,
  );
  await expect(box).not.toContainText('Filters were cleared');
});

test('a widget of another feed loads no older page for the link and says nothing', async ({
  page,
  server,
  host,
}) => {
  const olderPages: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/fixtures/paged/')) olderPages.push(request.url());
  });
  const url = host.page(
    '/two-feeds.html',
    hostDocument(
      `<live-blog id="mars" feed="${server.url}fixtures/mars.json" poll="off"></live-blog>
       ${spacer}
       <live-blog id="paged" feed="${server.url}fixtures/paged.json" poll="off"></live-blog>`,
      `<script type="module" src="${server.url}embed.js"></script>`,
    ),
  );
  await openOnPermalink(page, url, plain.id);
  const paged = page.locator('#paged');
  await expectLandedOn(page, updateIn(page.locator('#mars'), plain.id));
  await expect(updateIn(paged, 'p0-0')).toBeAttached();
  await expect(paged).not.toContainText('linked update');
  expect(olderPages).toEqual([]);
});

test('when two widgets show the linked update, the page lands on the first', async ({
  page,
  server,
  host,
}) => {
  const feed = `${server.url}fixtures/mars.json`;
  const url = host.page(
    '/twice.html',
    hostDocument(
      `${spacer}
       <live-blog id="first" feed="${feed}" view="latest" poll="off"></live-blog>
       ${spacer}
       <live-blog id="second" feed="${feed}" poll="off"></live-blog>`,
      `<script type="module" src="${server.url}embed.js"></script>`,
    ),
  );
  await openOnPermalink(page, url, keyEvent.id);
  await expectLandedOn(page, updateIn(page.locator('#first'), keyEvent.id));
  await expect(updateIn(page.locator('#second'), keyEvent.id)).not.toHaveClass(/lb-update--target/);
  await expect(updateIn(page.locator('#second'), keyEvent.id)).not.toBeInViewport();
});
