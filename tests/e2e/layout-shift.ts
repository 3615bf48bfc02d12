import type { Page } from '@playwright/test';

/**
 * Counts the page's layout shifts from before it loads; call before `page.goto`. Returns what
 * reads the total. Shifts just after input are the reader's doing and left out, unless
 * `afterInput` (a phone's emulation can mark shifts as after input all the same).
 */
export async function countLayoutShifts(page: Page, { afterInput = false } = {}) {
  await page.addInitScript((afterInput) => {
    const w = window as { layoutShift?: number };
    w.layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[]) {
        if (afterInput || !e.hadRecentInput) w.layoutShift! += e.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  }, afterInput);
  return () => page.evaluate(() => (window as { layoutShift?: number }).layoutShift ?? 0);
}
