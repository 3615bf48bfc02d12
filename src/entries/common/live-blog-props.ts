// What the two React entries (the client one and the Server Components one) share: the props,
// and how they become the attributes of <live-blog>. Nothing here may need more of React than
// a server component has.
import type { Ref } from 'react';
import type { Controls } from '../../widget/live-blog-options';
import type { Theme } from '../../widget/LiveBlogRoot';
import type { ReadingOrder, TimelineView } from '../../core/filters/filter-state';
import { writeListText } from '../../core/filters/url-state';
import type { HTMLLiveBlogElement } from './live-blog-element-types';
import type { LiveBlogStyle } from '../lib/live-blog-jsx';
import type { LiveBlogSnapshot } from './live-blog-snapshot';

export type { LiveBlogStyle };

export interface LiveBlogProps {
  /** URL of the JSON Feed, absolute or relative to the page. */
  readonly feed: string;
  /**
   * Preset filters: topic ids, country codes, speaker ids. An array holds ids as they are (an id
   * may contain a comma); a string is the attribute's text, where a comma separates ids and `%2C`
   * is a comma inside one.
   */
  readonly topic?: string | readonly string[] | undefined;
  readonly country?: string | readonly string[] | undefined;
  readonly speaker?: string | readonly string[] | undefined;
  /** Show key events only. */
  readonly keyEvents?: boolean | undefined;
  readonly view?: TimelineView | undefined;
  /** The Latest view's order: `oldest` reads from the start of the story down. */
  readonly order?: ReadingOrder | undefined;
  /** Show at most this many updates, then a "See all updates" link to `link`. */
  readonly limit?: number | undefined;
  readonly link?: string | undefined;
  readonly controls?: Controls | undefined;
  readonly theme?: Theme | undefined;
  /** BCP 47 tag for dates and numbers (default: the browser's). */
  readonly locale?: string | undefined;
  /** IANA time zone (default: the feed's). */
  readonly timezone?: string | undefined;
  /** `false` renders the feed once and never polls. */
  readonly poll?: boolean | undefined;
  /** Keep the reader's filters in the page's address bar. */
  readonly syncUrl?: boolean | undefined;
  /** `false`: embedded posts are link cards only, and no reader is asked to load one. */
  readonly embeds?: boolean | undefined;
  /** Providers your consent manager agreed to for the reader (`'all'`, or e.g. `['youtube']`). */
  readonly embedsConsent?: 'all' | readonly string[] | undefined;
  /**
   * The widget as the host's server rendered it (`renderLiveBlog` from `live-blog/server`, for
   * these props): its updates are in the page's HTML, and the browser takes them over.
   */
  readonly snapshot?: LiveBlogSnapshot | undefined;
  readonly id?: string | undefined;
  readonly className?: string | undefined;
  readonly style?: LiveBlogStyle | undefined;
  /** The rendered <live-blog> element, e.g. for the `live-blog:consent` event. */
  readonly ref?: Ref<HTMLLiveBlogElement> | undefined;
  /** For the host element, as on any element: a test id, an analytics tag, a region's label. */
  readonly [attribute: `data-${string}` | `aria-${string}`]: string | number | boolean | undefined;
}

/** TSX takes `data-*` and `aria-*` on any component: those are passed on, not dropped. */
const HOST_ATTRIBUTE = /^(data|aria)-/;

function list(value: string | readonly string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = typeof value === 'string' ? value : writeListText(value);
  return text === '' ? undefined : text;
}

/** The props of <live-blog> for React: the attributes, and id, className and style. */
export function liveBlogAttributes(props: LiveBlogProps): Record<string, unknown> {
  const attributes: Record<string, unknown> = {
    feed: props.feed,
    topic: list(props.topic),
    country: list(props.country),
    speaker: list(props.speaker),
    'key-events': props.keyEvents ? '' : undefined,
    view: props.view,
    order: props.order,
    limit: props.limit === undefined ? undefined : String(props.limit),
    link: props.link,
    controls: props.controls,
    theme: props.theme,
    locale: props.locale,
    timezone: props.timezone,
    poll: props.poll === false ? 'off' : undefined,
    'sync-url': props.syncUrl ? '' : undefined,
    embeds: props.embeds === false ? 'off' : undefined,
    'embeds-consent':
      typeof props.embedsConsent === 'string'
        ? props.embedsConsent
        : props.embedsConsent?.join(' '),
    id: props.id,
    className: props.className,
    style: props.style,
  };
  for (const [name, value] of Object.entries(props)) {
    if (HOST_ATTRIBUTE.test(name)) attributes[name] = value;
  }
  // Left out rather than undefined: a server component's props travel to the browser as they are.
  return Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== undefined));
}
