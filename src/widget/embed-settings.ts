import type { Controls } from './live-blog-options';
import type { LiveBlogRootProps, Theme } from './LiveBlogRoot';
import { validTimeZone } from '../core/time/time-zone';
import { safeHttpUrl } from '../core/feed/safe-url';
import {
  FACET_PARAM,
  parseViewState,
  queryListText,
  readFacetLists,
  serializeViewState,
} from '../core/filters/url-state';

/**
 * The embed's settings: the attributes of <live-blog> and, under the same names, the query
 * parameters of embed.html. One reader for both, so that the two stay the same API.
 */
export const SETTING_NAMES = [
  'feed',
  'topic',
  'country',
  'speaker',
  'key-events',
  'view',
  'order',
  'limit',
  'link',
  'controls',
  'theme',
  'locale',
  'timezone',
  'poll',
  'sync-url',
  'embeds',
  'embeds-consent',
] as const;

export type SettingName = (typeof SETTING_NAMES)[number];

export interface EmbedSettings {
  readonly props: LiveBlogRootProps & { readonly feed: string };
  /**
   * Changes when the feed or the preset filters change: the widget then starts afresh from the
   * new preset (the reader's own filter changes are kept only while the preset stays the same).
   */
  readonly resetKey: string;
}

const CONTROLS: readonly Controls[] = ['full', 'compact', 'none'];
const THEMES: readonly Theme[] = ['light', 'dark', 'auto'];

/** Says off in words (`false`, `off`, `no`, `0`). */
const off = (value: string | null) => /^(false|off|no|0)$/i.test(value?.trim() ?? '');

/** A boolean attribute: present means on, unless it says otherwise in words. */
export function flag(value: string | null): boolean {
  return value !== null && !off(value);
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  const v = value?.trim().toLowerCase();
  return (allowed as readonly string[]).includes(v ?? '') ? (v as T) : fallback;
}

function positiveInteger(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
}

/**
 * Reads the settings through `get` (an attribute or a query parameter). For `topic`, `country` and
 * `speaker`, `get` gives the list text as written: ids separated by literal commas, `%2C` being a
 * comma inside an id (an attribute's value as it is; for embed.html, see `queryGetter`). Undefined
 * when `feed` is missing: there is nothing to show without it.
 */
export function readEmbedSettings(
  get: (name: SettingName) => string | null,
  baseUrl: string,
): EmbedSettings | undefined {
  const feed = get('feed')?.trim();
  if (!feed) return undefined;
  // The preset filters use the same ids and parsing as the standalone page's URL. The list texts
  // go to the list reader as they are: re-encoding them into a query would turn every separator
  // into a comma inside an id.
  const query = new URLSearchParams();
  for (const name of ['view', 'order'] as const) {
    const value = get(name);
    if (value !== null) query.set(name, value);
  }
  if (flag(get('key-events'))) query.set('key', '1');
  const initialView = { ...parseViewState(query.toString()), ...readFacetLists(get) };
  const props = {
    feed,
    initialView,
    limit: positiveInteger(get('limit')),
    // Only http(s), resolved against the page: a `javascript:` link must not become a button.
    link: safeHttpUrl(get('link'), baseUrl),
    controls: oneOf(get('controls'), CONTROLS, 'full'),
    theme: oneOf(get('theme'), THEMES, 'auto'),
    locale: get('locale')?.trim() || undefined,
    timezone: validTimeZone(get('timezone')),
    poll: !off(get('poll')),
    syncUrl: flag(get('sync-url')),
    embeds: {
      off: off(get('embeds')),
      granted: get('embeds-consent') ?? undefined,
    },
  };
  return { props, resetKey: `${feed} ${serializeViewState(initialView)}` };
}

const LIST_SETTINGS: ReadonlySet<string> = new Set(Object.values(FACET_PARAM));

/**
 * The getter for embed.html: its query parameters under the attribute names. The lists are read
 * from the raw query (`?topic=economy%2Cfinance,nato` is two ids, as on the standalone page),
 * because URLSearchParams decodes `%2C` and `,` alike; the other settings are decoded as usual.
 */
export function queryGetter(search: string): (name: SettingName) => string | null {
  const params = new URLSearchParams(search);
  return (name) => (LIST_SETTINGS.has(name) ? queryListText(search, name) : params.get(name));
}
