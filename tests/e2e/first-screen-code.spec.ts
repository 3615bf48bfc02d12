// What a first screen downloads before its first updates show: the widget's script and the code
// those updates need (the chart; embeds and attachments for feeds that carry them). The code of
// what comes later (landing a jump, recording the visit) waits until they are on screen: fetched
// beside the feed, it shared a slow link with it and came before the first update.
import { expect, test } from './hosts/embed-test';
import { hostDocument } from './hosts/host-server';

const LATER = /\/(keep-in-place|last-visit-tracking)-[^/]*\.js$/;

test('<live-blog> fetches the code for later only once its first updates are in', async ({
  page,
  server,
  host,
}) => {
  const later: string[] = [];
  page.on('request', (request) => {
    if (LATER.test(request.url())) later.push(request.url());
  });
  // The feed is slow to come: the page has mounted the widget and is idle meanwhile.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  await page.route(/\/fixtures\/plain-jsonfeed\.json/, async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  await page.goto(
    host.page(
      '/slow-feed.html',
      hostDocument(
        `<live-blog feed="${server.url}fixtures/plain-jsonfeed.json" poll="off"></live-blog>`,
        `<script type="module" src="${server.url}embed.js"></script>`,
      ),
    ),
  );
  await expect.poll(() => asked).toBe(true);
  // Idle twice over: what the widget left for an idle moment has run by then.
  for (let i = 0; i < 2; i++) {
    await page.evaluate(() => new Promise((done) => requestIdleCallback(done)));
  }
  expect(later).toEqual([]);

  release();
  await expect(page.locator('live-blog').getByRole('article').first()).toBeVisible();
  await expect
    .poll(() => later.map((url) => LATER.exec(url)![1]).sort())
    .toEqual(['keep-in-place', 'last-visit-tracking']);
});
