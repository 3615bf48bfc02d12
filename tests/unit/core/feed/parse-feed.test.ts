// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { FEED_LIMITS, valueDepth } from '../../../../src/core/feed/feed-limits';
import { itemReadMode, parseFeed, parseFeedObject } from '../../../../src/core/feed/parse-feed';
import { parseRfc3339 } from '../../../../src/core/feed/rfc3339';
import {
  demoFeedText,
  fixtureText,
  isoAt,
  msAt,
  parsed,
  tombstoneWire,
  wireFeed,
  wireItem,
} from '../../../support/feed-builders';

const BASE = 'https://news.example/live/feeds/head.json';

describe('parseFeed: the Vilnius demo feed', () => {
  const feed = parsed(demoFeedText(), 'https://example.com/feeds/vilnius-2023.json');

  it('keeps all 7 items and rejects none', () => {
    expect(feed.items).toHaveLength(7);
    expect(feed.rejected).toEqual([]);
    expect(feed.tombstones).toEqual([]);
  });

  it('reads the declared topics in order, the people and the countries', () => {
    expect(feed.meta.topics).toEqual([
      { id: 'ukraine', label: 'Ukraine' },
      { id: 'china', label: 'China' },
      { id: 'g7', label: 'G7 security pacts' },
      { id: 'biden-schedule', label: 'Biden’s schedule' },
    ]);
    expect(feed.meta.people.map((p) => p.id)).toEqual([
      'zelenskyy',
      'yermak',
      'stoltenberg',
      'trudeau',
      'biden',
      'wang-wenbin',
      'sloat',
    ]);
    expect(feed.meta.people[0]).toEqual({
      id: 'zelenskyy',
      name: 'Volodymyr Zelenskyy',
      role: 'President of Ukraine',
      country: 'UA',
    });
    expect(feed.meta.countries.map((c) => c.code)).toEqual([
      'UA',
      'LT',
      'CA',
      'CN',
      'JP',
      'US',
      'RU',
      'FI',
      'NO',
    ]);
  });

  it('reads status, poll interval, time zone and coverage', () => {
    expect(feed.meta).toMatchObject({
      title: 'NATO summit in Vilnius: live updates',
      status: 'live',
      pollSeconds: 15,
      timezone: 'Europe/Vilnius',
      coverageStart: '2023-07-12T00:00:00+03:00',
      language: 'en',
    });
  });

  it('reads the item extension: topics, countries, speakers, dateline, key event, pinned', () => {
    const china = feed.items.find((i) => i.id === 'vilnius-2023-07-12-1120-china-hits-back');
    expect(china).toMatchObject({
      topics: ['china'],
      countries: ['CN', 'JP'],
      speakers: ['wang-wenbin'],
      dateline: 'HONG KONG',
      keyEvent: true,
      pinned: false,
      published: Date.parse('2023-07-12T11:20:00+03:00'),
    });
    const pinned = feed.items.filter((i) => i.pinned).map((i) => i.id);
    expect(pinned).toEqual(['vilnius-2023-07-12-0935-zelenskyy-day-2-priorities']);
  });
});

describe('parseFeed: fixtures', () => {
  it('invalid-items: keeps the 4 valid items and rejects the 5 others, each with a reason', () => {
    const feed = parsed(fixtureText('invalid-items.json'));
    expect(feed.items.map((i) => i.id)).toEqual([
      'harbour-1800-valid-headliner',
      'harbour-1730-valid-regatta',
      'harbour-1700-valid-fireworks-moved',
      'harbour-1630-valid-gates-open',
    ]);
    expect(feed.rejected).toEqual([
      { index: 1, id: undefined, reason: 'id must be a string' },
      { index: 3, id: 'harbour-invalid-no-date', reason: 'date_published is missing' },
      {
        index: 4,
        id: 'harbour-invalid-bad-date',
        reason: 'date_published is not an RFC 3339 time',
      },
      {
        index: 6,
        id: 'harbour-invalid-no-content',
        reason: 'item has neither content_html nor content_text',
      },
      { index: 7, id: undefined, reason: 'id must be a string' },
    ]);
  });

  it('not-a-feed: is an error result, not a feed with no items', () => {
    const result = parseFeed(fixtureText('not-a-feed.json'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('not-a-feed');
    expect(result.error.message).toMatch(/not a JSON Feed/);
    expect(result.error.message).toMatch(/version/);
  });

  it('not-json (an HTML error page): is an error result that says so', () => {
    const result = parseFeed(fixtureText('not-json.txt'));
    expect(result).toEqual({
      ok: false,
      error: { kind: 'not-json', message: 'The server sent a web page instead of the feed.' },
    });
  });

  it('truncated JSON is a not-json error', () => {
    const text = demoFeedText();
    const result = parseFeed(text.slice(0, text.length / 2));
    expect(result).toEqual({
      ok: false,
      error: { kind: 'not-json', message: 'The feed is not valid JSON.' },
    });
  });

  it('plain JSON Feed: tags become topics, status is live, no poll interval or time zone', () => {
    const feed = parsed(fixtureText('plain-jsonfeed.json'));
    expect(feed.items).toHaveLength(6);
    expect(feed.rejected).toEqual([]);
    const byId = new Map(feed.items.map((i) => [i.id, i]));
    expect(byId.get('https://example.org/lakeside-half/5')?.topics).toEqual([
      'results',
      'elite race',
    ]);
    expect(byId.get('https://example.org/lakeside-half/1')?.topics).toEqual([]);
    expect(feed.meta).toMatchObject({ status: 'live', topics: [], people: [], countries: [] });
    expect(feed.meta.pollSeconds).toBeUndefined();
    expect(feed.meta.timezone).toBeUndefined();
  });

  it('mars-landing: tombstones (also for never-seen ids), fractional seconds, Z times, a country without a name', () => {
    const feed = parsed(fixtureText('mars-landing.json'));
    expect(feed.items).toHaveLength(14);
    expect(feed.rejected).toEqual([]);
    expect(feed.tombstones).toEqual([
      { id: 'meridian-0420-wrong-altitude', modified: Date.parse('2029-03-11T04:31:00-07:00') },
      {
        id: 'meridian-retraction-never-published',
        modified: Date.parse('2029-03-11T11:00:00-07:00'),
      },
    ]);
    const byId = new Map(feed.items.map((i) => [i.id, i]));
    expect(byId.get('meridian-0310-entry-interface')?.published).toBe(
      Date.parse('2029-03-11T10:10:00.500Z'),
    );
    expect(byId.get('meridian-0150-cruise-separation')?.published).toBe(
      Date.parse('2029-03-11T09:50:00Z'),
    );
    expect(byId.get('meridian-0915-mast-deployed')?.modified).toBe(
      Date.parse('2029-03-11T10:02:00-07:00'),
    );
    expect(feed.meta.countries).toContainEqual({ code: 'SE' });
  });

  it('rtl-arabic: parses with its declared right-to-left labels', () => {
    const feed = parsed(fixtureText('rtl-arabic.json'));
    expect(feed.items).toHaveLength(5);
    expect(feed.meta.language).toBe('ar');
    expect(feed.meta.topics[0]).toEqual({ id: 'opening', label: 'الافتتاح' });
  });
});

describe('parseFeedObject: feed-level rules', () => {
  it('language: a well-formed BCP 47 tag is kept, a malformed one ignored', () => {
    const language = (value: unknown) => parsed(wireFeed([], { language: value })).meta.language;
    for (const tag of ['en', 'ar-EG', 'zh-Hant-TW', 'sr-Latn', 'en-US-u-ca-gregory'])
      expect(language(tag)).toBe(tag);
    expect(language(' de ')).toBe('de');
    // Common slips (POSIX locales, a name, a stray letter) would become a page's `lang`.
    for (const tag of ['en_US', 'x', 'English (UK)', 'fr-', '', 42]) {
      expect(language(tag)).toBeUndefined();
    }
  });

  it('expired: true means ended, whatever the extension says', () => {
    expect(parsed(wireFeed([], { expired: true })).meta.status).toBe('ended');
    expect(parsed(wireFeed([], { expired: true, _liveblog: { status: 'live' } })).meta.status).toBe(
      'ended',
    );
    expect(parsed(wireFeed([], { _liveblog: { status: 'ended' } })).meta.status).toBe('ended');
    expect(parsed(wireFeed([], { _liveblog: { status: 'upcoming' } })).meta.status).toBe(
      'upcoming',
    );
    expect(parsed(wireFeed([], { _liveblog: { status: 'paused' } })).meta.status).toBe('live');
  });

  it('requires version, title and an items list', () => {
    const kinds = [
      { title: 'x', items: [] },
      { version: 'https://example.com/rss', title: 'x', items: [] },
      { version: 'https://jsonfeed.org/version/1.1', items: [] },
      { version: 'https://jsonfeed.org/version/1.1', title: 'x' },
      { version: 'https://jsonfeed.org/version/1.1', title: 'x', items: {} },
      [],
      null,
      'feed',
      42,
    ].map((doc) => {
      const r = parseFeedObject(doc);
      return r.ok ? 'ok' : r.error.kind;
    });
    expect(kinds).toEqual(Array(kinds.length).fill('not-a-feed'));
  });

  it('drops a malformed optional member on its own and keeps the feed', () => {
    const feed = parsed(
      wireFeed([wireItem('a', 0)], {
        description: 42,
        _liveblog: {
          poll_seconds: 'soon',
          timezone: 'Mars/Olympus_Mons',
          coverage_start: 'yesterday',
          topics: [
            { id: 'ok', label: 'OK' },
            { label: 'no id' },
            'nope',
            { id: 'ok', label: 'dup' },
          ],
          countries: [{ code: 'ua' }, { code: 'Ukraine' }],
          people: [{ id: 'p', name: 'P', country: 'xyz' }, { id: 'q' }],
        },
      }),
    );
    expect(feed.items).toHaveLength(1);
    expect(feed.meta.description).toBeUndefined();
    expect(feed.meta.pollSeconds).toBeUndefined();
    expect(feed.meta.timezone).toBeUndefined();
    expect(feed.meta.coverageStart).toBeUndefined();
    expect(feed.meta.topics).toEqual([{ id: 'ok', label: 'OK' }]);
    expect(feed.meta.countries).toEqual([{ code: 'UA' }]);
    expect(feed.meta.people).toEqual([{ id: 'p', name: 'P' }]);
  });

  it('says which part of a JSON Feed is missing', () => {
    const message = (doc: unknown) => {
      const r = parseFeedObject(doc);
      return r.ok ? 'ok' : r.error.message;
    };
    expect(message({ title: 'x', items: [] })).toMatch(/version is missing/);
    expect(message({ version: 'https://jsonfeed.org/version/1.1', items: [] })).toMatch(
      /title is missing/,
    );
    expect(message({ version: 'https://jsonfeed.org/version/1.1', title: 'x' })).toMatch(
      /items is not a list/,
    );
  });

  it('takes a poll interval only as a whole number of seconds, and people only with a name', () => {
    const poll = (value: unknown) =>
      parsed(wireFeed([], { _liveblog: { poll_seconds: value } })).meta.pollSeconds;
    expect([poll(30), poll(1.5), poll(0), poll(-5), poll('30')]).toEqual([
      30,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    const people = parsed(
      wireFeed([], {
        _liveblog: {
          people: [
            { id: 'a', name: '  ' },
            { id: 'b', name: ' B ' },
          ],
        },
      }),
    ).meta.people;
    expect(people).toEqual([{ id: 'b', name: 'B' }]);
    expect(parsed(wireFeed([], { _liveblog: 'live' })).meta.status).toBe('live');
  });

  it('labels a declared topic without a label by its id', () => {
    const feed = parsed(wireFeed([], { _liveblog: { topics: [{ id: 'vote' }] } }));
    expect(feed.meta.topics).toEqual([{ id: 'vote', label: 'vote' }]);
  });
});

describe('parseFeedObject: items', () => {
  it('reads a tombstone that carries only an id (and optionally date_modified)', () => {
    const feed = parsed(
      wireFeed([tombstoneWire('gone'), tombstoneWire('gone-too', 5), wireItem('kept', 1)]),
    );
    expect(feed.tombstones).toEqual([{ id: 'gone' }, { id: 'gone-too', modified: msAt(5) }]);
    expect(feed.items.map((i) => i.id)).toEqual(['kept']);
    expect(feed.rejected).toEqual([]);
  });

  it('rejects a repeated id within one document, keeping the first', () => {
    const feed = parsed(
      wireFeed([wireItem('a', 0, { title: 'first' }), wireItem('a', 1, { title: 'second' })]),
    );
    expect(feed.items.map((i) => i.title)).toEqual(['first']);
    expect(feed.rejected).toEqual([{ index: 1, id: 'a', reason: 'duplicate id in one document' }]);
  });

  it('accepts RFC 3339 times only', () => {
    expect(parseRfc3339('2023-07-12T09:35:00+03:00')).toBe(Date.parse('2023-07-12T06:35:00Z'));
    expect(parseRfc3339('2023-07-12T06:35:00.250Z')).toBe(Date.parse('2023-07-12T06:35:00.250Z'));
    for (const bad of ['2023-07-12T09:35+03:00', '2023-07-12 09:35:00', '12/07/2023 09:35', '']) {
      expect(parseRfc3339(bad), bad).toBeUndefined();
    }
    const feed = parsed(wireFeed([wireItem('a', 0, { date_published: '2023-07-12T09:35+03:00' })]));
    expect(feed.rejected).toEqual([
      { index: 0, id: 'a', reason: 'date_published is not an RFC 3339 time' },
    ]);
  });

  it('ignores a malformed date_modified rather than dropping the item', () => {
    const feed = parsed(wireFeed([wireItem('a', 0, { date_modified: 'later' })]));
    expect(feed.items[0]?.modified).toBeUndefined();
  });

  it('takes content_text when there is no content_html', () => {
    const feed = parsed(
      wireFeed([{ id: 'a', date_published: isoAt(0), content_text: 'Plain <b>text</b>' }]),
    );
    expect(feed.items[0]).toMatchObject({ contentText: 'Plain <b>text</b>' });
    expect(feed.items[0]?.contentHtml).toBeUndefined();
  });

  it('shows the summary as the body when the body is empty, and only then', () => {
    const item = (fields: object) => ({ id: 'a', date_published: isoAt(0), ...fields });
    const feed = parsed(
      wireFeed([
        item({ id: 'html', content_html: ' ', summary: 'Polls close at 22:00.' }),
        item({ id: 'text', content_text: '', summary: 'Polls close at 22:00.' }),
        item({ id: 'both', content_html: '<p>Body</p>', summary: 'Short' }),
        item({ id: 'none', content_html: '' }),
      ]),
    );
    const byId = new Map(feed.items.map((i) => [i.id, i]));
    for (const id of ['html', 'text']) {
      expect(byId.get(id)).toMatchObject({ contentText: 'Polls close at 22:00.' });
      expect(byId.get(id)?.contentHtml).toBeUndefined();
    }
    expect(byId.get('both')).toMatchObject({ contentHtml: '<p>Body</p>', summary: 'Short' });
    expect(byId.get('both')?.contentText).toBeUndefined();
    expect(byId.get('none')).toMatchObject({ contentHtml: '' });
  });

  it('uses the item extension topics, not tags, when the extension is present', () => {
    const feed = parsed(
      wireFeed([
        wireItem('a', 0, { tags: ['tag'], _liveblog: { topics: ['topic'] } }),
        wireItem('b', 0, { tags: ['tag', ' tag ', ''] }),
      ]),
    );
    expect(feed.items[0]).toMatchObject({ tags: ['tag'], topics: ['topic'] });
    // Decided per document: this one uses the extension, so b's tags are only tags.
    expect(feed.items[1]).toMatchObject({ tags: ['tag'], topics: [] });
  });

  it('tags are topics only in a document with no _liveblog anywhere', () => {
    const plain = parsed(wireFeed([wireItem('b', 0, { tags: ['tag', ' tag ', ''] })]));
    expect(plain.items[0]).toMatchObject({ tags: ['tag'], topics: ['tag'] });
    for (const ext of [{ _liveblog: { status: 'live' } }, { _liveblog: 'not an object' }]) {
      const withExt = parsed(wireFeed([wireItem('b', 0, { tags: ['tag'] })], ext));
      expect(withExt.items[0]?.topics, JSON.stringify(ext)).toEqual([]);
    }
    // A tombstone is extension too.
    const withTombstone = parsed(
      wireFeed([wireItem('b', 0, { tags: ['tag'] }), { id: 'x', _liveblog: { deleted: true } }]),
    );
    expect(withTombstone.items[0]?.topics).toEqual([]);
  });

  it('declared country codes are trimmed as item references are', () => {
    const feed = parsed(
      wireFeed([wireItem('a', 0, { _liveblog: { countries: [' ua'] } })], {
        _liveblog: {
          countries: [{ code: ' ua ', name: 'Ukraine' }],
          people: [{ id: 'z', name: 'Z', country: 'ua ' }],
        },
      }),
    );
    expect(feed.meta.countries).toEqual([{ code: 'UA', name: 'Ukraine' }]);
    expect(feed.meta.people[0]?.country).toBe('UA');
    expect(feed.items[0]?.countries).toEqual(['UA']);
  });

  it('declared topic and person ids are trimmed as item references are', () => {
    const feed = parsed(
      wireFeed(
        [wireItem('a', 0, { _liveblog: { topics: [' ukraine'], speakers: ['nauseda '] } })],
        {
          _liveblog: {
            topics: [{ id: 'ukraine ', label: 'Ukraine' }, { id: '  ' }],
            people: [{ id: ' nauseda', name: 'Gitanas Nausėda' }],
          },
        },
      ),
    );
    expect(feed.meta.topics).toEqual([{ id: 'ukraine', label: 'Ukraine' }]);
    expect(feed.meta.people.map((p) => p.id)).toEqual(['nauseda']);
    expect(feed.items[0]).toMatchObject({ topics: ['ukraine'], speakers: ['nauseda'] });
  });

  it('ids that cannot go into a URL (lone surrogates) are dropped, never passed on', () => {
    const feed = parsed(
      wireFeed(
        [
          wireItem('bad\ud800', 0),
          wireItem('ok', 1, { _liveblog: { topics: ['t\udc00', 'fine'] } }),
        ],
        { _liveblog: { topics: [{ id: 'x\ud83d' }, { id: '😀' }] } },
      ),
    );
    expect(feed.items.map((i) => i.id)).toEqual(['ok']);
    expect(feed.rejected[0]?.reason).toMatch(/valid Unicode/);
    expect(feed.items[0]?.topics).toEqual(['fine']);
    expect(feed.meta.topics.map((t) => t.id)).toEqual(['😀']);
  });

  it('half an emoji (a lone surrogate) in text reads as U+FFFD, as a page in UTF-8 carries it', () => {
    // A CMS that cuts a headline at 20 UTF-16 code units can leave the first half of an emoji.
    const cut = 'Summit 👍'.slice(0, 8);
    const feed = parsed(
      wireFeed(
        [
          wireItem('a', 0, {
            title: cut,
            content_html: `<p>${cut}</p>`,
            summary: `\udc4d${cut}`,
            authors: [{ name: cut }],
            _liveblog: { dateline: cut, topics: ['t'], speakers: ['p'] },
          }),
          wireItem('b', 1, { content_html: undefined, content_text: `${cut} 👍` }),
        ],
        {
          title: cut,
          _liveblog: { topics: [{ id: 't', label: cut }], people: [{ id: 'p', name: cut }] },
        },
      ),
    );
    const shown = 'Summit \ufffd';
    expect(feed.meta.title).toBe(shown);
    expect(feed.meta.topics[0]?.label).toBe(shown);
    expect(feed.meta.people[0]?.name).toBe(shown);
    const [a, b] = ['a', 'b'].map((id) => feed.items.find((i) => i.id === id));
    expect(a).toMatchObject({ title: shown, contentHtml: `<p>${shown}</p>`, dateline: shown });
    expect(a?.summary).toBe(`\ufffd${shown}`);
    expect(a?.authors[0]?.name).toBe(shown);
    // A whole emoji stays whole.
    expect(b?.contentText).toBe(`${shown} 👍`);
  });

  it('normalises country codes and drops ones that are not two letters', () => {
    const feed = parsed(
      wireFeed([
        wireItem('a', 0, { _liveblog: { countries: ['ua', 'UA', 'LT', 'Lithuania', 7] } }),
      ]),
    );
    expect(feed.items[0]?.countries).toEqual(['UA', 'LT']);
  });
});

describe('parseFeed: the lead image', () => {
  const long = 'x'.repeat(FEED_LIMITS.maxShortTextChars + 1);
  const feed = parsed(
    JSON.stringify(
      wireFeed([
        wireItem('described', 3, {
          image: 'https://img.example/a.jpg',
          _liveblog: {
            image_alt: '  Leaders on the summit stage  ',
            image_caption: 'The family photo, Wednesday.',
            image_credit: 'Photo: Example Agency',
          },
        }),
        wireItem('decorative', 2, { image: 'https://img.example/b.jpg' }),
        // Words for an image that is not there (or not allowed) describe nothing.
        wireItem('no-image', 1, { _liveblog: { image_alt: 'A map', image_caption: 'Caption' } }),
        wireItem('bad-image', 0, {
          image: 'javascript:alert(1)',
          _liveblog: { image_alt: 'A map' },
        }),
        wireItem('odd', -1, {
          image: 'https://img.example/c.jpg',
          _liveblog: { image_alt: 42, image_caption: long, image_credit: '   ' },
        }),
      ]),
    ),
    BASE,
  );
  const item = (id: string) => feed.items.find((i) => i.id === id);

  it('reads its text alternative, caption and credit, trimmed', () => {
    expect(item('described')).toMatchObject({
      image: 'https://img.example/a.jpg',
      imageAlt: 'Leaders on the summit stage',
      imageCaption: 'The family photo, Wednesday.',
      imageCredit: 'Photo: Example Agency',
    });
  });

  it('has none of them without an image, and ignores what is not short text', () => {
    expect(item('decorative')?.imageAlt).toBeUndefined();
    for (const id of ['no-image', 'bad-image']) {
      expect(item(id)).toMatchObject({ image: undefined, imageAlt: undefined });
      expect(item(id)?.imageCaption).toBeUndefined();
    }
    expect(item('odd')).toMatchObject({ image: 'https://img.example/c.jpg' });
    expect([item('odd')?.imageAlt, item('odd')?.imageCaption, item('odd')?.imageCredit]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('parseFeed: URLs', () => {
  const doc = wireFeed(
    [
      wireItem('a', 0, {
        url: '../updates/a',
        image: '/img/a.png',
        authors: [{ name: 'Desk', url: 'desk', avatar: '//cdn.example/d.png' }],
      }),
      wireItem('b', 1, {
        url: 'javascript:alert(1)',
        image: 'data:image/png;base64,AAAA',
        authors: [{ url: 'javascript:alert(1)' }, { name: 'Named', url: 'vbscript:x' }],
      }),
      wireItem('c', 2, { url: ' JAVASCRIPT:alert(1)', image: 'ftp://example.com/x.png' }),
    ],
    {
      home_page_url: '../',
      feed_url: 'head.json',
      next_url: 'page-2.json',
    },
  );

  it('resolves relative URLs against the URL the document came from', () => {
    const feed = parsed(JSON.stringify(doc), BASE);
    expect(feed.meta).toMatchObject({
      homePageUrl: 'https://news.example/live/',
      feedUrl: 'https://news.example/live/feeds/head.json',
      nextUrl: 'https://news.example/live/feeds/page-2.json',
    });
    expect(feed.items[0]).toMatchObject({
      url: 'https://news.example/live/updates/a',
      image: 'https://news.example/img/a.png',
      authors: [
        {
          name: 'Desk',
          url: 'https://news.example/live/feeds/desk',
          avatar: 'https://cdn.example/d.png',
        },
      ],
    });
  });

  it('drops javascript:, data: and other non-http URLs, and authors left with nothing', () => {
    const feed = parsed(JSON.stringify(doc), BASE);
    const [, b, c] = feed.items;
    expect(b?.url).toBeUndefined();
    expect(b?.image).toBeUndefined();
    expect(b?.authors).toEqual([{ name: 'Named', url: undefined, avatar: undefined }]);
    expect(c?.url).toBeUndefined();
    expect(c?.image).toBeUndefined();
    // The item itself survives: only the unsafe members go.
    expect(feed.items).toHaveLength(3);
  });

  it('without a base URL, relative URLs are dropped rather than resolved against the host page', () => {
    const feed = parsed(JSON.stringify(doc));
    expect(feed.meta.nextUrl).toBeUndefined();
    expect(feed.items[0]?.url).toBeUndefined();
  });
});

describe('parseFeed: limits', () => {
  it('refuses a document larger than the byte limit without parsing it', () => {
    const text = ' '.repeat(FEED_LIMITS.maxDocumentBytes + 1);
    const result = parseFeed(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('too-large');
    expect(result.error.message).toMatch(/too large.*limit is 25 MB/);
  });

  it('drops an item nested deeper than the limit on its own, and keeps the rest', () => {
    const deep = '['.repeat(FEED_LIMITS.maxDepth) + ']'.repeat(FEED_LIMITS.maxDepth);
    const text = JSON.stringify(wireFeed([wireItem('a', 0), wireItem('b', 1)])).replace(
      '"id":"a"',
      `"id":"a","extra":${deep}`,
    );
    const feed = parsed(text);
    expect(feed.items.map((i) => i.id)).toEqual(['b']);
    expect(feed.rejected).toEqual([
      { index: 0, id: 'a', reason: 'nested more than 64 levels deep' },
    ]);
  });

  it('refuses a document nested beyond the hard ceiling without parsing it', () => {
    const n = FEED_LIMITS.maxDocumentDepth + 1;
    const text = JSON.stringify(wireFeed([wireItem('a', 0)])).replace(
      '"id":"a"',
      `"id":"a","extra":${'['.repeat(n)}${']'.repeat(n)}`,
    );
    expect(parseFeed(text)).toEqual({
      ok: false,
      error: { kind: 'too-deep', message: 'The feed is nested more than 1,000 levels deep.' },
    });
  });

  it('accepts nesting up to the limit, and ignores brackets inside strings', () => {
    expect(valueDepth(JSON.parse('{"a":"[[[[{{{{","b":[{"c":"\\"]]"}]}'))).toBe(3);
    const atLimit = '['.repeat(FEED_LIMITS.maxDepth - 3) + ']'.repeat(FEED_LIMITS.maxDepth - 3);
    const text = JSON.stringify(wireFeed([wireItem('a', 0)])).replace(
      '"id":"a"',
      `"id":"a","extra":${atLimit}`,
    );
    expect(parsed(text).items).toHaveLength(1);
    const brackets = JSON.stringify(wireFeed([wireItem('a', 0, { title: '['.repeat(500) })]));
    expect(parsed(brackets).items).toHaveLength(1);
  });

  it('keeps the first items of an over-long document and reports how many were dropped', () => {
    const n = FEED_LIMITS.maxItemsPerDocument + 3;
    // Tombstones keep this fast; they count towards the item limit like any entry.
    const entries = Array.from({ length: n }, (_, i) => tombstoneWire(`t${i}`));
    const feed = parsed(wireFeed(entries));
    expect(feed.tombstones).toHaveLength(FEED_LIMITS.maxItemsPerDocument);
    expect(feed.rejected).toEqual([
      {
        index: FEED_LIMITS.maxItemsPerDocument,
        reason: `more than ${FEED_LIMITS.maxItemsPerDocument} items in one document; 3 dropped`,
        count: 3,
      },
    ]);
  });

  it('drops an item whose content is too long, on its own', () => {
    const long = 'x'.repeat(FEED_LIMITS.maxItemContentChars + 1);
    const feed = parsed(
      wireFeed([
        wireItem('long-html', 0, { content_html: long }),
        { id: 'long-text', date_published: isoAt(1), content_text: long },
        wireItem('fine', 2, { content_html: 'x'.repeat(FEED_LIMITS.maxItemContentChars) }),
      ]),
    );
    expect(feed.items.map((i) => i.id)).toEqual(['fine']);
    expect(feed.rejected).toEqual([
      {
        index: 0,
        id: 'long-html',
        reason: `content_html: content is longer than ${FEED_LIMITS.maxItemContentChars} characters`,
      },
      {
        index: 1,
        id: 'long-text',
        reason: `content_text: content is longer than ${FEED_LIMITS.maxItemContentChars} characters`,
      },
    ]);
  });

  it('drops an over-long short text (a title) but keeps the item', () => {
    const feed = parsed(
      wireFeed([wireItem('a', 0, { title: 't'.repeat(FEED_LIMITS.maxShortTextChars + 1) })]),
    );
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]?.title).toBeUndefined();
  });

  it('an over-long feed title or description is ignored: the blog still shows', () => {
    const long = 't'.repeat(FEED_LIMITS.maxShortTextChars + 1);
    const feed = parsed(wireFeed([wireItem('a', 0)], { title: long, description: long }));
    expect(feed.meta.title).toBe('Live updates');
    expect(feed.meta.description).toBeUndefined();
    expect(feed.items).toHaveLength(1);
  });

  it('caps declared lists', () => {
    const topics = Array.from({ length: FEED_LIMITS.maxListLength + 10 }, (_, i) => ({
      id: `t${i}`,
    }));
    const feed = parsed(wireFeed([], { _liveblog: { topics } }));
    expect(feed.meta.topics).toHaveLength(FEED_LIMITS.maxListLength);
  });
});

describe("parseFeed: the document's authors", () => {
  // JSON Feed 1.1: an item that names no authors has the feed's.
  const desk = { name: 'Live desk', url: 'https://news.example/desk' };
  const doc = wireFeed(
    [
      wireItem('own', 2, { authors: [{ name: 'Reporter' }] }),
      wireItem('none', 1),
      wireItem('empty', 0, { authors: [] }),
    ],
    { authors: [desk, { url: 'javascript:alert(1)' }] },
  );

  it('are the authors of an item that names none, checked like its own', () => {
    const byId = new Map(parsed(doc, BASE).items.map((item) => [item.id, item.authors]));
    expect(byId.get('none')).toEqual([{ ...desk, avatar: undefined }]);
    expect(byId.get('own')).toEqual([{ name: 'Reporter', url: undefined, avatar: undefined }]);
    // An empty list is a list: that update has no byline.
    expect(byId.get('empty')).toEqual([]);
  });

  it("are a page's own for its items, and the same for tools that read items one by one", () => {
    const mode = itemReadMode(doc, doc.items as unknown[], BASE);
    expect(mode.authors).toBe(doc.authors);
    const page = wireFeed([wireItem('old', 0)]);
    expect(parsed(page, BASE).items[0]!.authors).toEqual([]);
  });
});

describe('itemReadMode', () => {
  it('reads a document as plain exactly when parseFeedObject does (tags become topics)', () => {
    const tagged = wireItem('a', 1, { tags: ['vote'] });
    const docs = [
      wireFeed([tagged]),
      wireFeed([tagged], { _liveblog: {} }),
      wireFeed([tagged, { ...wireItem('b', 0), _liveblog: { pinned: true } }]),
      wireFeed([tagged, tombstoneWire('c')]),
      wireFeed([tagged, 'not an item']),
    ];
    for (const doc of docs) {
      const mode = itemReadMode(doc, doc.items as unknown[], BASE);
      expect(mode.base).toBe(BASE);
      expect(mode.plain, JSON.stringify(doc)).toBe(parsed(doc, BASE).items[0]!.topics.length > 0);
    }
  });
});
