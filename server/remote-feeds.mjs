// @ts-check
/**
 * Feeds of other origins as the renderer reads them, through the SSRF-safe loader: each version
 * dated once, so that it gives one page; a reader's page not held back by a slow origin; and
 * how long the copy the page shows has left to be fresh, for the page's own Cache-Control.
 */

import { createHash } from 'node:crypto';

/**
 * @typedef {{
 *   url: string,
 *   text: string,
 *   etag: string | null,
 *   lastModified: string | null,
 *   fetchedAt: number,
 *   maxAgeSeconds: number,
 * }} LoaderSnapshot
 * @typedef {{ load: (url: string) => Promise<LoaderSnapshot> }} Loader
 * @typedef {{
 *   text: string,
 *   validator: string | null,
 *   version: string,
 *   fetchedAt: number,
 *   maxAgeSeconds?: number,
 *   expiresAt?: number,
 * }} RemoteDocument
 *   `version`: its validator, or for a feed sent without one, a hash of its text (for the server
 *   alone: the browser's first poll has nothing to compare); `expiresAt`: when the copy stops
 *   being fresh (ms since the epoch)
 */

/** Feed versions remembered: as many feeds as the loader keeps. */
const MAX_VERSIONS = 100;

/**
 * @param {Loader} loader its loads under way are bounded by the loader itself (its `maxLoads`):
 *   past that, it refuses at once a feed it holds no fresh copy of, and the page goes out as built
 * @param {number} maxFreshMs the longest the loader reuses a copy (its `maxFreshMs`): a page
 *   shown from one is fresh no longer, whatever the feed's max-age says, since the server itself
 *   asks again by then
 */
export function remoteFeeds(loader, maxFreshMs) {
  /** When the server first read each feed's current version, by feed URL. */
  /** @type {Map<string, { version: string, fetchedAt: number }>} */
  const versions = new Map();
  /** The text's hash, once per copy the loader hands out. */
  /** @type {WeakMap<LoaderSnapshot, string>} */
  const hashes = new WeakMap();

  /** @param {LoaderSnapshot} s */
  function versionOf(s) {
    const validator = s.etag ?? s.lastModified;
    if (validator !== null) return validator;
    let hash = hashes.get(s);
    if (hash === undefined) {
      hash = `sha256:${createHash('sha256').update(s.text).digest('base64url')}`;
      hashes.set(s, hash);
    }
    return hash;
  }

  /**
   * The version's date: the end of its Last-Modified second where it has one (an update
   * published within that second is not in the future), else when first read. Not when last
   * confirmed unchanged: a revalidation would make the same version another page.
   * @param {string} url
   * @param {LoaderSnapshot} s
   * @param {string} version
   */
  function dated(url, s, version) {
    const own = Math.min(
      s.fetchedAt,
      ((s.lastModified && Date.parse(s.lastModified)) || Infinity) + 999,
    );
    const known = versions.get(url);
    versions.delete(url);
    const fetchedAt = known?.version === version ? known.fetchedAt : own;
    versions.set(url, { version, fetchedAt });
    if (versions.size > MAX_VERSIONS)
      versions.delete(/** @type {string} */ (versions.keys().next().value));
    return fetchedAt;
  }

  /**
   * The document at `url`, or undefined when it cannot be had by `deadline` (ms since the epoch):
   * the page then goes out as built, while the load goes on for the readers after (the loader
   * shares it with the pages that ask meanwhile, and counts it until it ends).
   * @param {string} url
   * @param {number} deadline
   * @returns {Promise<RemoteDocument | undefined>}
   */
  function load(url, deadline) {
    const loading = loader.load(url).then(
      (s) => document(url, s),
      () => undefined, // any failure, or the loader busy: the browser loads the feed itself
    );
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    const late = new Promise((resolve) => {
      timer = setTimeout(resolve, Math.max(0, deadline - Date.now()), undefined);
      timer.unref?.();
    });
    return Promise.race([loading, late]).finally(() => clearTimeout(timer));
  }

  /**
   * The page's document from the loader's copy, or undefined for a feed that moved.
   * @param {string} url
   * @param {LoaderSnapshot} s
   * @returns {RemoteDocument | undefined}
   */
  function document(url, s) {
    if (moved(s.url, url)) return undefined;
    return {
      text: s.text,
      validator: s.etag ?? s.lastModified,
      version: versionOf(s),
      fetchedAt: dated(url, s, versionOf(s)),
      maxAgeSeconds: s.maxAgeSeconds,
      // From when it was received or last confirmed: a page shown later has that much less.
      expiresAt: s.fetchedAt + Math.min(s.maxAgeSeconds * 1000, maxFreshMs),
    };
  }

  return { load };
}

/**
 * Whether the document came from elsewhere than `url` (a redirect): its relative links (next_url,
 * attachments) are then the browser's to resolve, against where its own request ends up; the
 * server's render and the page's snapshot know only `url`.
 * @param {string} from
 * @param {string} url
 */
function moved(from, url) {
  const asked = new URL(url);
  asked.hash = '';
  return from !== asked.href;
}

/**
 * Seconds a page shown from `doc` stays fresh: what is left of the copy's max-age.
 * @param {{ maxAgeSeconds?: number, expiresAt?: number } | undefined} doc
 */
export function freshSeconds(doc) {
  if (doc?.expiresAt === undefined) return doc?.maxAgeSeconds;
  return Math.max(0, Math.floor((doc.expiresAt - Date.now()) / 1000));
}
