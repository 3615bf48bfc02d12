// Update bodies on a page that enforces Trusted Types, in jsdom: a stand-in `trustedTypes` and
// HTML sinks that, as the browser's do under enforcement, refuse anything but the TrustedHTML of
// a policy. The browser's own enforcement is tested end to end (tests/e2e/xss.spec.ts).
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  advance,
  articles,
  feedUrl,
  installHarness,
  PAST_ONE_POLL,
  renderLoaded,
} from '../../../support/live-blog-harness';

class StandInTrustedHtml {
  constructor(private readonly html: string) {}
  toString() {
    return this.html;
  }
}

const policies: string[] = [];
const made = new WeakSet<StandInTrustedHtml>();
type Rule = (input: string, ...args: unknown[]) => string;
Object.assign(window, {
  trustedTypes: {
    createPolicy(name: string, rules: { createHTML: Rule }) {
      policies.push(name);
      return {
        name,
        createHTML(input: string, ...args: unknown[]) {
          const html = new StandInTrustedHtml(rules.createHTML(input, ...args));
          made.add(html);
          return html;
        },
        createScriptURL() {
          throw new TypeError('the policy has no createScriptURL');
        },
      };
    },
    getAttributeType: () => null,
  },
});

/** Replaces `owner[name]`'s setter or method with one that takes a TrustedHTML only. */
function enforce(owner: object, name: string, kind: 'set' | 'value') {
  const original = Object.getOwnPropertyDescriptor(owner, name)!;
  const check = (value: unknown) => {
    if (!(value instanceof StandInTrustedHtml) || !made.has(value)) {
      throw new TypeError(`${name}: this document requires 'TrustedHTML' assignment`);
    }
    return value.toString();
  };
  const replaced =
    kind === 'set'
      ? {
          ...original,
          set(this: Element, value: unknown) {
            original.set!.call(this, check(value));
          },
        }
      : {
          ...original,
          value(this: DOMParser, value: unknown, type: DOMParserSupportedType) {
            return (original.value as DOMParser['parseFromString']).call(this, check(value), type);
          },
        };
  Object.defineProperty(owner, name, replaced);
  return () => Object.defineProperty(owner, name, original);
}

const restore = [
  enforce(Element.prototype, 'innerHTML', 'set'),
  enforce(DOMParser.prototype, 'parseFromString', 'value'),
];
afterAll(() => {
  restore.forEach((undo) => undo());
  Reflect.deleteProperty(window, 'trustedTypes');
});

installHarness();

const feed = (items: unknown[]) =>
  JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Trusted', items });

describe('update bodies where the page enforces Trusted Types', () => {
  it('go in as the one policy’s HTML, sanitised, split at pasted posts; DOMPurify makes none', async () => {
    await renderLoaded(
      feedUrl({
        body: feed([
          {
            id: 'plain',
            title: 'Plain',
            date_published: '2023-07-12T09:00:00Z',
            content_html: '<p onclick="alert(1)">A <strong>strong</strong> start.</p>',
          },
          {
            id: 'pasted',
            title: 'Pasted',
            date_published: '2023-07-12T09:30:00Z',
            content_html:
              '<p>Before.</p><blockquote class="twitter-tweet"><p>Allies agree.</p><a href="https://twitter.com/NATO/status/1678999999999999999">July 12</a></blockquote><p>After <img src="https://img.example/x.png" onerror="alert(1)">.</p>',
          },
        ]),
      }),
    );
    const [pasted, plain] = articles();
    expect(plain!.querySelector('.lb-prose')!.innerHTML).toBe(
      '<p>A <strong>strong</strong> start.</p>',
    );
    expect(
      [...pasted!.querySelectorAll('.lb-update__body > *')].map((el) =>
        el.matches('.lb-prose') ? el.innerHTML : 'gate',
      ),
    ).toEqual([
      '<p>Before.</p>',
      'gate',
      '<p>After <img src="https://img.example/x.png" loading="lazy" decoding="async" alt="">.</p>',
    ]);
    expect(policies).toEqual(['live-blog']);
  });

  it('take an edit through the policy too, keeping the paragraphs it did not change', async () => {
    const item = {
      id: 'edited',
      title: 'Edited',
      date_published: '2023-07-12T09:00:00Z',
      content_html: '<p>One.</p><p>Two.</p>',
    };
    const route = { body: feed([item]) };
    await renderLoaded(feedUrl(route));
    const prose = articles()[0]!.querySelector('.lb-prose')!;
    const [one, two] = prose.children;
    route.body = feed([
      {
        ...item,
        date_modified: '2023-07-12T09:10:00Z',
        content_html: '<p>One.</p><p onclick="alert(1)">Two, corrected.</p><p>Three.</p>',
      },
    ]);
    await advance(PAST_ONE_POLL);
    await vi.waitFor(() =>
      expect(prose.innerHTML).toBe('<p>One.</p><p>Two, corrected.</p><p>Three.</p>'),
    );
    expect(prose.children[0]).toBe(one);
    expect(prose.children[1]).toBe(two);
  });
});
