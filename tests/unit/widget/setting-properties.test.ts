// <live-blog>'s settings as properties (src/widget/setting-properties.ts), through the element
// itself: what a framework's property binding or a host's script sets, the widget shows.
import { describe, expect, it, vi } from 'vitest';
import { defineLiveBlogElement } from '../../../src/widget/live-blog-element';
import { SETTING_NAMES, type SettingName } from '../../../src/widget/embed-settings';
import type { LiveBlogElementProperties } from '../../../src/entries/common/live-blog-element-types';
import { wireFeed, wireItem } from '../../support/feed-builders';
import {
  FakeIntersectionObserver,
  feedUrl,
  installHarness,
  settle,
} from '../../support/live-blog-harness';

installHarness();

/** The properties a host sets, by the attribute each reflects (and each in the public types). */
const PROPERTIES = {
  feed: 'feed',
  topic: 'topic',
  country: 'country',
  speaker: 'speaker',
  'key-events': 'keyEvents',
  view: 'view',
  order: 'order',
  limit: 'limit',
  link: 'link',
  controls: 'controls',
  theme: 'theme',
  locale: 'locale',
  timezone: 'timezone',
  poll: 'poll',
  'sync-url': 'syncUrl',
  embeds: 'embeds',
  'embeds-consent': 'embedsConsent',
} satisfies Record<SettingName, keyof LiveBlogElementProperties>;

// Custom elements outlive a test file in the shared jsdom (vite.config.ts): a name of its own each.
let defined = 0;
function elementName(): string {
  const name = `live-blog-props-${++defined}`;
  defineLiveBlogElement(name);
  return name;
}

type Settable = HTMLElement & Record<string, unknown>;

const feedOf = (title: string, ids: string[]) =>
  feedUrl({
    body: JSON.stringify(
      wireFeed(
        ids.map((id, i) => wireItem(id, i)),
        { title },
      ),
    ),
  });

/** The widget's update headings, inside its shadow root. */
function headings(element: HTMLElement): string[] {
  return [...(element.shadowRoot?.querySelectorAll('article h3, article h2') ?? [])].map(
    (h) => h.textContent?.trim() ?? '',
  );
}

/** Brings the element near the viewport, as the reader's scroll would, and lets it load. */
async function bringNear(name: string) {
  FakeIntersectionObserver.report(name, true, 0);
  await settle();
}

describe('<live-blog> properties', () => {
  it('has a property for every setting, each reflecting its attribute', () => {
    expect(Object.keys(PROPERTIES)).toEqual([...SETTING_NAMES]);
    const element = document.createElement(elementName()) as Settable;
    for (const [attribute, property] of Object.entries(PROPERTIES)) {
      expect(element[property]).toBeNull();
      element[property] = `${attribute} value`;
      expect(element.getAttribute(attribute)).toBe(`${attribute} value`);
      element.setAttribute(attribute, 'from the attribute');
      expect(element[property]).toBe('from the attribute');
      element[property] = null;
      expect(element.hasAttribute(attribute)).toBe(false);
    }
  });

  it('writes other values as text, and removes the attribute for undefined', () => {
    const element = document.createElement(elementName()) as Settable;
    element.keyEvents = true;
    element.poll = false;
    element.limit = 10;
    expect(element.getAttribute('key-events')).toBe('true');
    expect(element.getAttribute('poll')).toBe('false');
    expect(element.limit).toBe('10');
    element.limit = undefined;
    expect(element.hasAttribute('limit')).toBe(false);
  });

  it('shows the feed a property names, and switches when the property changes', async () => {
    const name = elementName();
    const element = document.createElement(name) as Settable;
    element.feed = feedOf('First', ['a1', 'a2']);
    element.poll = false;
    document.body.append(element);
    await bringNear(name);
    expect(headings(element)).toEqual(['Update a2', 'Update a1']);

    element.feed = feedOf('Second', ['b1']);
    await settle();
    expect(headings(element)).toEqual(['Update b1']);
  });

  it('takes the properties a script set before the element was defined', async () => {
    const name = `live-blog-props-early-${++defined}`;
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    // A framework renders the element, and binds its properties, before embed.js has run.
    const element = document.createElement(name) as Settable;
    document.body.append(element);
    element.feed = feedOf('Early', ['e1', 'e2']);
    element.poll = false;
    element.keyEvents = null;

    defineLiveBlogElement(name);
    expect(element.getAttribute('feed')).toBe(element.feed);
    expect(element.getAttribute('poll')).toBe('false');
    expect(Object.keys(element)).toEqual([]);
    await bringNear(name);
    expect(headings(element)).toEqual(['Update e2', 'Update e1']);

    // Set again, the property goes through the element, not past it.
    element.feed = feedOf('Later', ['l1']);
    await settle();
    expect(headings(element)).toEqual(['Update l1']);
    // Such as `<live-blog>: the feed attribute is required`, had the early property gone unread.
    const own = error.mock.calls.filter(([message]) => String(message).startsWith('<live-blog>'));
    expect(own).toEqual([]);
  });
});
