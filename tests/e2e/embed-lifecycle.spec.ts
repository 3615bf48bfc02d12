// <live-blog> on host pages that change it after it has rendered: attributes set later, the
// element moved to another document. Host pages are on another origin (hosts/host-server.ts).
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './hosts/embed-test';
import { hostDocument } from './hosts/host-server';

test.use({ serverOptions: { mode: 'static' } });

const demo = JSON.parse(readFileSync('public/feeds/vilnius-2023.json', 'utf8')) as {
  items: { id: string; title: string; _liveblog: { topics: string[] } }[];
};

const embedScript = (widgetUrl: string) =>
  `<script type="module" src="${widgetUrl}embed.js"></script>`;

/** Errors the page throws, from the moment it is called. */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test('a host that switches the language keeps the reader’s view and filters', async ({
  page,
  server,
  host,
}) => {
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(
    host.page(
      '/language.html',
      hostDocument(
        `<live-blog feed="${server.url}feeds/vilnius-2023.json" poll="off"></live-blog>`,
        embedScript(server.url),
      ),
    ),
  );
  const blog = page.locator('live-blog');
  await blog.getByRole('button', { name: 'Latest' }).click();
  const china = (topic: string) =>
    blog.getByRole('group', { name: topic }).getByRole('checkbox', { name: /^China/ });
  await china('Topic').check();
  const shown = await blog.getByRole('article').count();

  // The Ukrainian catalogue is not in the page yet: it loads now.
  await blog.evaluate((el) => el.setAttribute('locale', 'uk'));
  await expect(blog.getByRole('button', { name: 'Найновіші' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(china('Тема')).toBeChecked();
  await expect(blog.getByRole('article')).toHaveCount(shown);
});

test('moved into an iframe’s document, the widget keeps its styles', async ({
  page,
  server,
  host,
}) => {
  const errors = pageErrors(page);
  await page.setViewportSize({ width: 1000, height: 1000 });
  await page.goto(
    host.page(
      '/adopt.html',
      hostDocument(
        `<div style="width: 800px"><live-blog feed="${server.url}feeds/vilnius-2023.json" poll="off"></live-blog></div>
         <iframe srcdoc="<!doctype html><body style='margin: 0'></body>" style="width: 800px; height: 600px; border: 0"></iframe>`,
        embedScript(server.url),
      ),
    ),
  );
  const blog = page.locator('live-blog');
  await expect(blog.getByRole('article').first()).toBeVisible();
  // Heights of the first updates: their text, photos, players and pasted posts, laid out.
  const heights = (scope: Page | ReturnType<Page['frameLocator']>) =>
    scope
      .locator('live-blog')
      .getByRole('article')
      .evaluateAll((articles) =>
        articles.slice(0, 12).map((a) => Math.round(a.getBoundingClientRect().height)),
      );
  const before = await heights(page);

  await page.evaluate(() => {
    const frame = document.querySelector('iframe')!.contentDocument!;
    frame.body.append(frame.adoptNode(document.querySelector('live-blog')!));
  });
  await expect.poll(() => heights(page.frameLocator('iframe'))).toEqual(before);
  expect(errors).toEqual([]);
});

test('opened on a permalink, a widget the host switches to a new preset or feed keeps to it', async ({
  page,
  server,
  host,
}) => {
  const china = demo.items.filter((i) => i._liveblog.topics.includes('china'));
  const linked = demo.items.find((i) => !i._liveblog.topics.includes('china'))!;
  const url = host.page(
    '/permalink-then-preset.html',
    hostDocument(
      `<live-blog feed="${server.url}feeds/vilnius-2023.json" poll="off"></live-blog>`,
      embedScript(server.url),
    ),
  );
  await page.goto(`${url}#update-${encodeURIComponent(linked.id)}`);
  const blog = page.locator('live-blog');
  await expect(blog.getByRole('article', { name: linked.title })).toBeInViewport();

  // The host narrows the widget to China: the permalink, taken already, does not undo that.
  await blog.evaluate((el) => el.setAttribute('topic', 'china'));
  await expect(blog.getByRole('article')).toHaveCount(china.length);
  await expect(blog.getByText('Filters were cleared to show the linked update.')).toHaveCount(0);

  // Another feed: the update of the first one is not looked for there.
  await blog.evaluate((el, feed) => {
    el.removeAttribute('topic');
    el.setAttribute('feed', feed);
  }, `${server.url}fixtures/mars-landing.json`);
  await expect(blog.getByRole('article').first()).toBeVisible();
  await expect(blog.getByText(/The linked update could not be found/)).toHaveCount(0);
});

test('a widget moved into an iframe is taken down when the iframe goes', async ({
  page,
  server,
  host,
}) => {
  await page.goto(
    host.page(
      '/adopt-remove.html',
      hostDocument(
        `<live-blog feed="${server.url}feeds/vilnius-2023.json"></live-blog>
         <iframe srcdoc="<!doctype html><body></body>"></iframe>`,
        embedScript(server.url),
      ),
    ),
  );
  await expect(page.locator('live-blog').getByRole('article').first()).toBeVisible();
  const widget = await page.evaluateHandle(() => {
    const frame = document.querySelector('iframe')!.contentDocument!;
    return frame.body.appendChild(frame.adoptNode(document.querySelector('live-blog')!));
  });
  await expect(page.frameLocator('iframe').getByRole('article').first()).toBeVisible();

  // The host closes the frame (a dialog, a pop-out): the element stays "connected" to the
  // document that went, so only its pagehide can tell the widget.
  await page.evaluate(() => document.querySelector('iframe')!.remove());
  await expect
    .poll(() => widget.evaluate((el) => el.shadowRoot!.querySelectorAll('article').length))
    .toBe(0);
});
