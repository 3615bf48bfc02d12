// A reader on a phone with a weak link: what stays on screen when the connection drops while the
// page is still coming in.
import { test, expect } from './fixtures';

test.use({ viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true });

test.describe('the link dropping while the page loads', () => {
  // The browser renders the page: the filter panel's chunk is then fetched after the first render.
  test.use({ serverOptions: { ssr: false } });

  test('a lazy chunk that cannot come leaves the updates and the rest working', async ({
    page,
    server,
  }) => {
    await page.route('**/assets/FilterPanel-*.js', (route) => route.abort('internetdisconnected'));
    const failed = page.waitForEvent('requestfailed', (r) => r.url().includes('/FilterPanel-'));
    await page.goto(server.url);
    await failed;
    const articles = page.getByRole('article');
    await expect(articles).toHaveCount(3);
    await page.getByRole('button', { name: 'Filters' }).tap();
    await expect(page.getByRole('button', { name: 'Filters' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    await page.getByRole('button', { name: 'Filters' }).tap();
    await page.getByRole('button', { name: 'Latest', exact: true }).tap();
    await expect(page.getByRole('button', { name: 'Latest', exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(articles).toHaveCount(3);
  });
});
