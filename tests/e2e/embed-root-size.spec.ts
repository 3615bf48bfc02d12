// A host page's root font size (`html { font-size: 62.5% }`, common on news sites, or a large
// one) reaches inside a shadow root through rem. The widget sizes its text and layout in its own
// ems, so that its columns fit their words whatever the host's root.
import type { Page } from '@playwright/test';
import { expect, test } from './hosts/embed-test';
import { hostDocument } from './hosts/host-server';

test.use({ serverOptions: { mode: 'static' } });

async function columnWidths(page: Page) {
  const width = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((el) => el.getBoundingClientRect().width);
  return { filters: await width('live-blog .lb-filters'), rail: await width('live-blog .lb-rail') };
}

test("the side columns beside the timeline do not follow the host page's root font size", async ({
  page,
  server,
  host,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  const widths = [];
  for (const root of ['100%', '62.5%']) {
    const url = host.page(
      `/root-${root}.html`,
      hostDocument(
        `<live-blog feed="${server.url}feeds/vilnius-2023.json" poll="off"></live-blog>`,
        `<style>html { font-size: ${root} }</style>
         <script type="module" src="${server.url}embed.js"></script>`,
      ),
    );
    await page.goto(url);
    await expect(page.locator('live-blog .lb-rail')).toBeVisible();
    await expect(page.locator('live-blog .lb-filters')).toBeVisible();
    widths.push(await columnWidths(page));
  }
  const [reference, small] = widths;
  expect(small!.filters).toBeCloseTo(reference!.filters, 0);
  expect(small!.rail).toBeCloseTo(reference!.rail, 0);
});
