import type { ReceivedDocument } from '../capabilities/feed/fetch-feed-document';

/**
 * What a server-rendered page carries for the browser to continue from: the feed document it
 * rendered, that document's validator, and the settings it rendered with. It travels as JSON in
 * `<script type="application/json" id="live-blog-snapshot">`: data, never run.
 */
export interface PageSnapshot extends ReceivedDocument {
  /** The feed's absolute URL, as the page names it. */
  readonly feed: string;
  /** The locale the server rendered in (the browser's language is not known there). */
  readonly locale: string;
  /** Older pages the server loaded after the document (`older=`), in order, by absolute URL. */
  readonly pages?: readonly SnapshotPage[];
}

export interface SnapshotPage {
  readonly url: string;
  readonly text: string;
}

function readPages(value: unknown): SnapshotPage[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const pages: SnapshotPage[] = [];
  for (const page of value as Partial<SnapshotPage>[]) {
    if (typeof page?.url !== 'string' || typeof page.text !== 'string') return undefined;
    pages.push({ url: page.url, text: page.text });
  }
  return pages;
}

export const SNAPSHOT_ELEMENT_ID = 'live-blog-snapshot';

/**
 * The snapshot follows the page's markup, so that the updates arrive first; this tag in <head>
 * tells the standalone page's early script, which runs before the snapshot is parsed, that the
 * page has its document already (request-feed-early.ts).
 */
export const RENDERED_MARKER_NAME = 'live-blog-rendered';
export const renderedMarker = `<meta name="${RENDERED_MARKER_NAME}" content="snapshot">`;

/** The element's text: "<" escaped, so that nothing in a feed can close the element. */
export function snapshotScript(snapshot: PageSnapshot): string {
  const json = JSON.stringify(snapshot).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${SNAPSHOT_ELEMENT_ID}">${json}</script>`;
}

/** The snapshot a page (or a shadow root) carries for `feed`, or undefined (none, another feed's, or malformed). */
export function readPageSnapshot(
  doc: NonElementParentNode,
  feed: string,
): PageSnapshot | undefined {
  const text = doc.getElementById(SNAPSHOT_ELEMENT_ID)?.textContent;
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<PageSnapshot> | null;
    const pages = readPages(value?.pages ?? []);
    if (
      value?.feed !== feed ||
      pages === undefined ||
      typeof value.text !== 'string' ||
      typeof value.fetchedAt !== 'number' ||
      typeof value.locale !== 'string'
    ) {
      return undefined;
    }
    return {
      feed: value.feed,
      text: value.text,
      validator: typeof value.validator === 'string' ? value.validator : null,
      fetchedAt: value.fetchedAt,
      maxAgeSeconds: typeof value.maxAgeSeconds === 'number' ? value.maxAgeSeconds : undefined,
      locale: value.locale,
      ...(typeof value.url === 'string' ? { url: value.url } : {}),
      ...(pages.length > 0 ? { pages } : {}),
    };
  } catch {
    return undefined;
  }
}
