import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../../../src/entries/validate/check-document';
import type { DocumentContext } from '../../../../src/entries/validate/document-context';
import {
  ProblemList,
  RULES,
  type Problem,
} from '../../../../src/entries/validate/validation-problem';
import { problem } from '../../../support/validation-problem';
import { wireFeed, wireItem } from '../../../support/feed-builders';

const NOW = Date.parse('2024-01-01T00:00:00Z');
const BASE = 'https://feeds.example.com/live/test.json';

function problemsOf(doc: unknown, context: Partial<DocumentContext> = {}): Problem[] {
  const list = new ProblemList('test.json');
  checkDocument(JSON.stringify(doc), { base: BASE, role: 'head', now: NOW, ...context }, list);
  return list.problems;
}

describe('checkDocument: the head’s metadata', () => {
  it('warns about a status, poll interval and time zone the client cannot use', () => {
    const problems = problemsOf(
      wireFeed([], {
        _liveblog: { status: 'paused', poll_seconds: 2, timezone: 'Europe/Atlantis' },
      }),
    );
    expect(problems).toEqual([
      problem('warning', '$._liveblog.status', RULES.topLevelExtension, /read as "live"/),
      problem('warning', '$._liveblog.poll_seconds', RULES.polling, /outside 5–300 s/),
      problem('warning', '$._liveblog.timezone', RULES.topLevelExtension, /not an IANA time zone/),
    ]);
    expect(problemsOf(wireFeed([], { _liveblog: { poll_seconds: 15.5 } }))).toEqual([
      problem('warning', '$._liveblog.poll_seconds', RULES.polling, /not a whole number/),
    ]);
  });

  it('warns about a language that is not a BCP 47 tag', () => {
    expect(problemsOf(wireFeed([], { language: 'en_US' }))).toEqual([
      problem('warning', '$.language', RULES.topLevel, /"en_US" is not a BCP 47 language tag/),
    ]);
    expect(problemsOf(wireFeed([], { language: 'pt-BR' }))).toEqual([]);
  });

  it('warns about coverage times that are not RFC 3339, or the wrong way round', () => {
    expect(
      problemsOf(wireFeed([], { _liveblog: { coverage_start: '2031-03-05', coverage_end: 5 } })),
    ).toEqual([
      problem('warning', '$._liveblog.coverage_start', RULES.topLevelExtension),
      problem('warning', '$._liveblog.coverage_end', RULES.topLevelExtension),
    ]);
    const reversed = {
      coverage_start: '2031-03-05T18:00:00+01:00',
      coverage_end: '2031-03-05T09:00:00+01:00',
    };
    expect(problemsOf(wireFeed([], { _liveblog: reversed }))).toEqual([
      problem(
        'warning',
        '$._liveblog.coverage_end',
        RULES.topLevelExtension,
        /before coverage_start/,
      ),
    ]);
  });

  it('warns about declared entries the client ignores, and declarations made twice', () => {
    const problems = problemsOf(
      wireFeed([], {
        _liveblog: {
          topics: [{ id: 'vote' }, { label: 'No id' }, { id: 'vote ', label: 'Again' }],
          countries: [{ code: 'Germany' }],
          people: [{ id: 'mayor' }],
        },
      }),
    );
    expect(problems).toEqual([
      problem('warning', '$._liveblog.topics[1]', RULES.topLevelExtension, /needs an id/),
      problem(
        'warning',
        '$._liveblog.topics[2]',
        RULES.topLevelExtension,
        /first at \$\._liveblog\.topics\[0\]/,
      ),
      problem('warning', '$._liveblog.countries[0]', RULES.topLevelExtension, /needs a code/),
      problem('warning', '$._liveblog.people[0]', RULES.topLevelExtension, /and a name/),
    ]);
  });

  it('warns about the optional members of declared entries that the client drops', () => {
    const long = 'x'.repeat(400);
    const problems = problemsOf(
      wireFeed([], {
        description: 7,
        _liveblog: {
          topics: [
            { id: 'vote', label: long },
            { id: 'hall', label: '  ' },
            { id: 'out', label: 'Outside' },
          ],
          countries: [
            { code: 'DE', name: long },
            { code: 'FR', name: 'France' },
          ],
          people: [
            { id: 'mayor', name: 'Anna', role: long, country: 'Germany' },
            { id: 'clerk', name: 'Ben', role: 'Clerk', country: 'de' },
          ],
        },
      }),
    );
    const at = (path: string, message: RegExp) =>
      problem('warning', path, RULES.topLevelExtension, message);
    expect(problems).toEqual([
      problem('warning', '$.description', RULES.topLevel, /^7 is blank, not a string, .*ignored/),
      at('$._liveblog.topics[0].label', /ignored, and readers see the id "vote"/),
      at('$._liveblog.topics[1].label', /^" {2}" is blank.*readers see the id "hall"/),
      at('$._liveblog.countries[0].name', /readers see the name their browser gives/),
      at('$._liveblog.people[0].role', /ignored, and readers see no role/),
      at('$._liveblog.people[0].country', /^"Germany" is not an ISO 3166-1 alpha-2/),
    ]);
  });

  it('warns about expired: true on a blog whose status says it goes on: clients stop polling', () => {
    expect(problemsOf(wireFeed([], { expired: true, _liveblog: { status: 'live' } }))).toEqual([
      problem('warning', '$.expired', RULES.topLevel, /status is "live": .* stop polling/),
    ]);
    expect(problemsOf(wireFeed([], { expired: true, _liveblog: { status: 'ended' } }))).toEqual([]);
    expect(problemsOf(wireFeed([], { expired: true }))).toEqual([]);
  });

  it('warns about topics that share a label, which readers see numbered', () => {
    const topics = [
      { id: 'markets', label: 'Markets' },
      { id: 'europe', label: 'Europe' },
      { id: 'markets-asia', label: 'markets' },
      { id: 'markets-us', label: 'Markets' },
    ];
    expect(problemsOf(wireFeed([], { _liveblog: { topics } }))).toEqual([
      problem(
        'warning',
        '$._liveblog.topics[2].label',
        RULES.topLevelExtension,
        /^"markets" is also the label of \$\._liveblog\.topics\[0\]: readers see this one as "markets #2"/,
      ),
      problem(
        'warning',
        '$._liveblog.topics[3].label',
        RULES.topLevelExtension,
        /readers see this one as "Markets #3"/,
      ),
    ]);
  });

  it('warns about expired and _liveblog of the wrong kind', () => {
    expect(problemsOf(wireFeed([], { expired: 'yes', _liveblog: 'live' }))).toEqual([
      problem('warning', '$.expired', RULES.topLevel, /true or false/),
      problem('warning', '$._liveblog', RULES.topLevelExtension, /Not an object/),
    ]);
  });

  it('reports a next_url that is not http(s) as an error: the pages are out of reach', () => {
    expect(problemsOf(wireFeed([], { next_url: 'javascript:older()' }))).toEqual([
      problem('error', '$.next_url', RULES.pagination, /cannot reach the older pages/),
    ]);
  });

  it('warns when feed_url is not where the head was read from', () => {
    const doc = wireFeed([], { feed_url: 'https://old.example.com/feed.json' });
    expect(problemsOf(doc, { fetchedFrom: BASE })).toEqual([
      problem('warning', '$.feed_url', RULES.topLevel, /the head's own URL/),
    ]);
    expect(problemsOf({ ...doc, feed_url: `${BASE}#x` }, { fetchedFrom: BASE })).toEqual([]);
  });

  it('reads no metadata of a page: only next_url and items count there', () => {
    const page = wireFeed([wireItem('a', 1)], { _liveblog: { status: 'paused' } });
    expect(problemsOf(page, { role: 'page' })).toEqual([]);
  });
});

describe('checkDocument: what items refer to', () => {
  const declared = {
    topics: [{ id: 'vote', label: 'The vote' }],
    countries: [{ code: 'DE' }],
    people: [{ id: 'mayor', name: 'Anna Beispiel' }],
  };
  const about = (id: string, minute: number, ext: Record<string, unknown>) =>
    wireItem(id, minute, { _liveblog: ext });

  it('reports each undeclared id once, where it is first used, with how many items use it', () => {
    const problems = problemsOf(
      wireFeed(
        [
          about('a', 3, { topics: ['vote', 'weather'], countries: ['DE'], speakers: ['mayor'] }),
          about('b', 2, { topics: ['weather'], countries: ['fr'] }),
          about('c', 1, { topics: ['weather'], speakers: ['someone'] }),
        ],
        { _liveblog: declared },
      ),
    );
    expect(problems).toEqual([
      problem(
        'warning',
        '$.items[0]._liveblog.topics',
        RULES.grouping,
        /"weather".*used by 3 items/,
      ),
      problem('error', '$.items[1]._liveblog.countries', RULES.topLevelExtension, /Country "FR"/),
      problem(
        'error',
        '$.items[2]._liveblog.speakers',
        RULES.topLevelExtension,
        /Speaker "someone"/,
      ),
    ]);
  });

  it('checks a page’s items against the head’s declarations', () => {
    const page = wireFeed([about('a', 1, { topics: ['vote'], speakers: ['nobody'] })]);
    const head = problemsOf(wireFeed([], { _liveblog: declared }));
    expect(head).toEqual([]);
    const meta = {
      title: 'Test feed',
      status: 'live' as const,
      topics: declared.topics,
      countries: declared.countries,
      people: declared.people,
    };
    expect(problemsOf(page, { role: 'page', declared: meta })).toEqual([
      problem('error', '$.items[0]._liveblog.speakers', RULES.topLevelExtension, /"nobody"/),
    ]);
  });

  it('leaves a plain JSON Feed’s tags alone: they are its topics', () => {
    expect(problemsOf(wireFeed([wireItem('a', 1, { tags: ['anything'] })]))).toEqual([]);
  });
});
