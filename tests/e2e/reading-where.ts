// What the in-place specs (edits, retractions) share: their clock and paragraphs, where they open
// a feed (the standalone page, or <live-blog> on a host page), and a wait for paint.
import type { Page } from '@playwright/test';
import type { HostServer } from './hosts/host-server';
import { hostDocument } from './hosts/host-server';

/** poll_seconds 15, plus jitter: 17 s always reaches the next poll. */
export const ONE_POLL = 17_000;
/** The fake clock's start, on a whole minute. */
export const NOW = Math.floor(Date.now() / 60_000) * 60_000;
export const at = (minutesAgo: number) => new Date(NOW - minutesAgo * 60_000).toISOString();

const sentences = (n: number) => 'The committee heard the evidence again. '.repeat(n);
/** A paragraph of `n` sentences, its text starting with `label:`. */
export const para = (label: string, n = 8) => `<p>${label}: ${sentences(n)}</p>`;

/** Opens `fixtures/<file>` on the standalone page when `where` says so, else in an embed. */
export async function openWhere(
  page: Page,
  where: string,
  file: string,
  app: string,
  host: HostServer,
): Promise<void> {
  if (where.startsWith('standalone page')) {
    await page.goto(`${app}?feed=/fixtures/${file}`);
    return;
  }
  await page.goto(
    host.page(
      `/${file}.html`,
      hostDocument(
        `<live-blog feed="${app}fixtures/${file}"></live-blog>`,
        `<script type="module" src="${app}embed.js"></script>`,
      ),
    ),
  );
}

/** Two animation frames: what the last change rendered is laid out and painted. */
export const frames = (page: Page) =>
  page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
