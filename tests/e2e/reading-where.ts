// Where the in-place specs (edits, retractions) open a feed: the standalone page, or
// <live-blog> on a host page; and a wait for what the last change rendered to be painted.
import type { Page } from '@playwright/test';
import type { HostServer } from './hosts/host-server';
import { hostDocument } from './hosts/host-server';

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
