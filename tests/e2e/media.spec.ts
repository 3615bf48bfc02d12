// What an update carries besides its text, in every way the widget is shown: the lead image as
// the feed describes it (tests/fixtures/feeds/media.json) and the authors' avatars.
import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures';
import { expect, test } from './hosts/embed-test';
import { hostDocument } from './hosts/host-server';

const FEED = '/fixtures/media.json';

test.use({ serverOptions: { mode: 'static' } });

async function expectMedia(scope: Locator | Page, feedUrl: string) {
  const boats = scope.getByRole('article', { name: 'Tall ships enter the harbour' });
  const figure = boats.getByRole('figure');
  const image = figure.getByRole('img', {
    name: 'Three masted ships under sail at the harbour mouth',
  });
  await expect(image).toHaveAttribute('src', new URL('media/ships.jpg', feedUrl).href);
  await expect(figure).toContainText('The fleet at 09:30. Photo: Harbour Press');
  // An image without a text alternative is decorative, not named after its headline.
  const stage = scope.getByRole('article', { name: 'Music on the quay' });
  await expect(stage.getByRole('figure')).toHaveCount(0);
  await expect(stage.locator('img')).toHaveAttribute('alt', '');
  // One avatar, beside its name; the one that is not an http(s) address is left out.
  const avatars = scope.locator('.lb-update__avatar');
  await expect(avatars).toHaveCount(1);
  await expect(avatars).toHaveAttribute('src', new URL('media/rita.png', feedUrl).href);
  await expect(avatars).toHaveAttribute('alt', '');
  await expect(boats.locator('footer')).toContainText('By Rita Lopes, Tom Berg');
}

test('the standalone page shows the lead image with its words, and avatars', async ({
  page,
  server,
}) => {
  await page.goto(`${server.url}?feed=${FEED}`);
  await expectMedia(page, new URL(FEED, server.url).href);
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
});

test('the iframe page shows them too', async ({ page, server }) => {
  await page.goto(`${server.url}embed.html?feed=${encodeURIComponent(FEED)}`);
  await expectMedia(page, new URL(FEED, server.url).href);
  await expectNoAxeViolations(page);
});

test('so does <live-blog> on a host page of another origin', async ({ page, server, host }) => {
  const feedUrl = new URL(FEED, server.url).href;
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(
    host.page(
      '/media.html',
      hostDocument(
        `<main><h1>Harbour festival</h1><live-blog feed="${feedUrl}" poll="off"></live-blog></main>`,
        `<script type="module" src="${server.url}embed.js"></script>`,
      ),
    ),
  );
  await expectMedia(page.locator('live-blog'), feedUrl);
  await expectNoAxeViolations(page);
});
