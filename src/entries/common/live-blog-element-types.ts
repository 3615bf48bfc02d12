// The <live-blog> element as TypeScript sees it, for hosts that write the element themselves:
// the DOM's tag map (document.createElement('live-blog')), its attributes and its properties.
// Published as the types of live-blog/embed.js and of the React entry (which adds the JSX entry).
import type { SettingName } from '../../widget/embed-settings';
import type { Controls } from '../../widget/live-blog-options';
import type { Theme } from '../../widget/LiveBlogRoot';
import type { ReadingOrder, TimelineView } from '../../core/filters/filter-state';

/** The attributes <live-blog> reads, as written in HTML (docs/embedding.md). */
export interface LiveBlogElementAttributes {
  /** URL of the JSON Feed, absolute or relative to the page. Required. */
  feed?: string | undefined;
  /** Preset filters: ids separated by commas, `%2C` for a comma inside an id. */
  topic?: string | undefined;
  country?: string | undefined;
  speaker?: string | undefined;
  /** Present: key events only. */
  'key-events'?: string | boolean | undefined;
  view?: TimelineView | undefined;
  order?: ReadingOrder | undefined;
  /** Show at most this many updates, then a "See all updates" link to `link`. */
  limit?: string | number | undefined;
  link?: string | undefined;
  controls?: Controls | undefined;
  theme?: Theme | undefined;
  /** BCP 47 tag for dates and numbers. */
  locale?: string | undefined;
  /** IANA time zone. */
  timezone?: string | undefined;
  /** `off`: render once, never poll. */
  poll?: 'on' | 'off' | undefined;
  /** Present: keep the reader's filters in the page's address bar. */
  'sync-url'?: string | boolean | undefined;
  /** `off`: embedded posts are link cards only, and no reader is asked to load one. */
  embeds?: 'on' | 'off' | undefined;
  /** Providers your consent manager agreed to for the reader: `all`, or e.g. `youtube vimeo`. */
  'embeds-consent'?: string | undefined;
}

/** An attribute's property, camelCase as the DOM names them: `key-events`, `keyEvents`. */
type PropertyOf<Name extends string> = Name extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<PropertyOf<Tail>>}`
  : Name;

/**
 * The attributes as properties of the element (`el.feed`, `el.keyEvents`), each reflecting its
 * attribute as a built-in element's do. Read, the attribute's text, or null when it is absent
 * (undefined until embed.js has defined the element); set, it writes the attribute, and null or
 * undefined removes it.
 */
export type LiveBlogElementProperties = {
  [Name in keyof LiveBlogElementAttributes as PropertyOf<Name>]?: string | null | undefined;
};

/** The element <live-blog> creates: an HTMLElement with an open shadow root, and its properties. */
export interface HTMLLiveBlogElement extends HTMLElement, LiveBlogElementProperties {}

declare global {
  interface HTMLElementTagNameMap {
    'live-blog': HTMLLiveBlogElement;
  }
}

// An attribute the element learns to read fails the type-check here until it is typed above,
// and one typed above that it does not read (its property would not exist) fails too.
type Untyped = Exclude<SettingName, keyof LiveBlogElementAttributes>;
const _everyAttributeTyped: [Untyped] extends [never] ? true : Untyped = true;
type Unread = Exclude<keyof LiveBlogElementAttributes, SettingName>;
const _everyTypedAttributeRead: [Unread] extends [never] ? true : Unread = true;
