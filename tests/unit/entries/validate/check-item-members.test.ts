import { describe, expect, it } from 'vitest';
import { FEED_LIMITS } from '../../../../src/core/feed/feed-limits';
import { checkDocument } from '../../../../src/entries/validate/check-document';
import {
  ProblemList,
  RULES,
  type Problem,
} from '../../../../src/entries/validate/validation-problem';
import { problem } from '../../../support/validation-problem';
import { wireFeed, wireItem } from '../../../support/feed-builders';

const NOW = Date.parse('2024-01-01T00:00:00Z');

function problemsOf(items: unknown[], extra: Record<string, unknown> = {}): Problem[] {
  const list = new ProblemList('test.json');
  const doc = wireFeed(items, extra);
  checkDocument(
    JSON.stringify(doc),
    { base: 'https://feeds.example.com/f.json', role: 'head', now: NOW },
    list,
  );
  return list.problems;
}

describe('checkDocument: optional members the client ignores', () => {
  it('warns about a lead image without image_alt, and one that is not http(s)', () => {
    expect(problemsOf([wireItem('a', 1, { image: 'https://img.example.com/a.jpg' })])).toEqual([
      problem('warning', '$.items[0]._liveblog.image_alt', RULES.itemExtension, /decorative/),
    ]);
    expect(problemsOf([wireItem('a', 1, { image: 'javascript:alert(1)' })])).toEqual([
      problem('warning', '$.items[0].image', RULES.conventions, /not an http\(s\) URL/),
    ]);
    const described = wireItem('a', 1, {
      image: 'https://img.example.com/a.jpg',
      _liveblog: { image_alt: 'The hall during the vote' },
    });
    expect(problemsOf([described])).toEqual([]);
  });

  it('says why each attachment is dropped, and warns about photos without a title', () => {
    const problems = problemsOf([
      wireItem('a', 1, {
        attachments: [
          { url: 'https://x.example/a.pdf', mime_type: 'application/pdf' },
          { url: 'ftp://x.example/a.jpg', mime_type: 'image/jpeg', title: 'A' },
          { url: 'https://x.example/b.jpg' },
          { url: 'https://x.example/c.jpg', mime_type: 'image/jpeg' },
          { url: 'https://x.example/d.mp4', mime_type: 'video/mp4', _liveblog: { width: 640 } },
        ],
      }),
    ]);
    expect(problems).toEqual([
      problem(
        'warning',
        '$.items[0].attachments[0]',
        RULES.attachments,
        /application\/pdf is not a kind/,
      ),
      problem(
        'warning',
        '$.items[0].attachments[1]',
        RULES.attachments,
        /url is missing or not http/,
      ),
      problem('warning', '$.items[0].attachments[2]', RULES.attachments, /mime_type is missing/),
      problem('warning', '$.items[0].attachments[3].title', RULES.attachments, /decorative/),
      problem('warning', '$.items[0].attachments[4]._liveblog', RULES.attachments, /give both/),
    ]);
  });

  it('says why an embed is dropped, and an unreadable time of a post', () => {
    const problems = problemsOf([
      wireItem('a', 1, {
        _liveblog: {
          embeds: [
            { text: 'no url' },
            { url: 'https://x.com/NATO/status/1', published: 'yesterday' },
          ],
        },
      }),
    ]);
    expect(problems).toEqual([
      problem('warning', '$.items[0]._liveblog.embeds[0]', RULES.embeds, /url is missing/),
      problem('warning', '$.items[0]._liveblog.embeds[1].published', RULES.embeds, /"yesterday"/),
    ]);
  });

  it('warns about ids, codes, flags and authors the client cannot use', () => {
    const problems = problemsOf(
      [
        wireItem('a', 1, {
          authors: [{ avatar: 'https://x.example/a.png' }, { name: 'Live desk' }],
          _liveblog: {
            topics: ['vote', '  ', 7],
            countries: ['DEU'],
            speakers: 'mayor',
            key_event: 'yes',
          },
        }),
      ],
      { _liveblog: { topics: [{ id: 'vote' }] } },
    );
    expect(problems).toEqual([
      problem('warning', '$.items[0].authors[0]', RULES.items, /needs a name or an http\(s\) url/),
      problem('warning', '$.items[0]._liveblog.topics[1]', RULES.itemExtension, /not an id/),
      problem('warning', '$.items[0]._liveblog.topics[2]', RULES.itemExtension, /not an id/),
      problem('warning', '$.items[0]._liveblog.speakers', RULES.itemExtension, /Not a list/),
      problem(
        'warning',
        '$.items[0]._liveblog.countries[0]',
        RULES.itemExtension,
        /"DEU" is not an ISO/,
      ),
      problem('warning', '$.items[0]._liveblog.key_event', RULES.itemExtension, /read as false/),
    ]);
  });

  it('warns about an avatar that is not http(s), and the document’s own authors', () => {
    const problems = problemsOf(
      [wireItem('a', 1, { authors: [{ name: 'Ann', avatar: 'javascript:alert(1)' }] })],
      { authors: [{ name: 'Live desk' }, { name: 7 }] },
    );
    expect(problems).toEqual([
      problem('warning', '$.authors[1]', RULES.items, /needs a name or an http\(s\) url/),
      problem(
        'warning',
        '$.items[0].authors[0].avatar',
        RULES.conventions,
        /"javascript:alert\(1\)" is not an http\(s\) URL: ignored/,
      ),
    ]);
  });

  it('warns where the client reads only the first attachments or embeds', () => {
    const photos = Array.from({ length: FEED_LIMITS.maxAttachments + 1 }, (_, i) => ({
      url: `https://x.example/${i}.jpg`,
      mime_type: 'image/jpeg',
      title: `Photo ${i}`,
    }));
    const posts = Array.from({ length: FEED_LIMITS.maxEmbedsPerItem + 2 }, (_, i) => ({
      url: `https://x.com/NATO/status/${i + 1}`,
    }));
    expect(
      problemsOf([wireItem('a', 1, { attachments: photos, _liveblog: { embeds: posts } })]),
    ).toEqual([
      problem('warning', '$.items[0].attachments', RULES.attachments, /only the first 50 are read/),
      problem(
        'warning',
        '$.items[0]._liveblog.embeds[20]',
        RULES.embeds,
        /this one and the rest are ignored/,
      ),
    ]);
  });

  it('warns about members of the wrong kind: tags, _liveblog', () => {
    expect(problemsOf([wireItem('a', 1, { tags: 'vote', _liveblog: ['vote'] })])).toEqual([
      problem('warning', '$.items[0].tags', RULES.items, /Not a list/),
      problem('warning', '$.items[0]._liveblog', RULES.itemExtension, /Not an object/),
    ]);
  });

  it('warns about a title over the length limit and an item url that is not http(s)', () => {
    const problems = problemsOf([wireItem('a', 1, { title: 'x'.repeat(2001), url: 'data:,x' })]);
    expect(problems).toEqual([
      problem('warning', '$.items[0].title', RULES.items, /Longer than 2,000 characters/),
      problem('warning', '$.items[0].url', RULES.conventions, /not an http\(s\) URL/),
    ]);
  });

  it('warns about a title or summary of characters that show nothing, not of white space', () => {
    const invisible = wireItem('a', 1, { title: '\u200b\u200b', summary: ' \ufeff\u200d ' });
    expect(problemsOf([invisible])).toEqual([
      problem('warning', '$.items[0].title', RULES.items, /nothing a reader can see/),
      problem('warning', '$.items[0].summary', RULES.items, /nothing a reader can see/),
    ]);
    expect(problemsOf([wireItem('a', 1, { title: '  ', summary: '' })])).toEqual([]);
  });
});
