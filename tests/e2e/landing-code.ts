import { expect, type Page } from '@playwright/test';

/**
 * Call before the page loads. The function returned waits until the landing code (which keeps
 * the focus, and holds a retracted update's place) is in: it is fetched once the page is idle
 * (the fake clock moves on to that), and runs once it has arrived (importing it again waits for
 * that).
 */
export function watchLandingCode(page: Page) {
  let chunk: string | undefined;
  page.on('response', (response) => {
    if (/\/keep-in-place-[^/]*\.js$/.test(response.url())) chunk = response.url();
  });
  return async () => {
    await expect
      .poll(async () => {
        await page.clock.runFor(500);
        return chunk;
      })
      .toBeTruthy();
    await page.evaluate((url) => import(url).then(() => undefined), chunk!);
  };
}
