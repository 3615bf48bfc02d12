import { beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../../../../src/core/feed/parse-feed';
import { prepareHtmlCheck, type HtmlCheck } from '../../../../src/entries/validate/check-html';
import { demoFeedText } from '../../../support/feed-builders';

let check: HtmlCheck;
beforeAll(async () => {
  const prepared = await prepareHtmlCheck();
  if (!prepared) throw new Error('jsdom is a devDependency: the check must be ready');
  check = prepared;
});

describe('the sanitiser check', () => {
  it('names what the sanitiser removes, each kind once and counted', () => {
    const message = check(
      '<p class="lead" onclick="go()">A</p><p class="lead">B</p><script>x()</script><a href="javascript:x()">C</a>',
      undefined,
    );
    expect(message).toMatch(
      /removes the onclick attribute of <p>, the class attribute of <p> \(2\), <script>, the href attribute of <a>:/,
    );
  });

  it('reports what the allow-list’s own hook removes: a player’s mailto source, an image without one', () => {
    expect(check('<video src="mailto:a@example.com"></video>', undefined)).toMatch(
      /the src attribute of <video>/,
    );
    expect(check('<p>x<img alt="no source"></p>', undefined)).toMatch(/removes <img>/);
  });

  it('keeps provider markup that becomes an embed, and removes any other iframe', () => {
    expect(
      check(
        '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="A speech"></iframe>',
        undefined,
      ),
    ).toBeUndefined();
    expect(
      check(
        '<blockquote class="twitter-tweet"><a href="https://x.com/a/status/1">x</a></blockquote>',
        undefined,
      ),
    ).toBeUndefined();
    expect(check('<iframe src="https://ads.example.com/"></iframe>', undefined)).toMatch(
      /<iframe>/,
    );
  });

  it('asks for words in every <summary>, which names the section for a screen reader', () => {
    expect(check('<details><summary> </summary><p>Full text</p></details>', undefined)).toBe(
      'A <summary> has no text: a screen reader cannot say what the section holds. Give each a few words.',
    );
    expect(
      check(
        '<details><summary></summary></details><details><summary><br></summary></details>',
        undefined,
      ),
    ).toMatch(/^2 <summary> have no text/);
    expect(
      check('<details><summary>Read the statement</summary></details>', undefined),
    ).toBeUndefined();
    expect(
      check(
        '<details><summary><img src="https://img.example/m.png" alt="More" width="9" height="9"></summary></details>',
        undefined,
      ),
    ).toBeUndefined();
  });

  it("asks for the size of every image, which keeps the reader's place while it loads", () => {
    expect(
      check('<p><img src="https://img.example/a.jpg" alt="A" width="800"></p>', undefined),
    ).toBe(
      'An <img> has no width and height: the page moves when it loads. Give each its size in pixels.',
    );
    expect(
      check(
        '<img src="https://img.example/a.jpg" alt="A"><img src="https://img.example/b.jpg" alt="B">',
        undefined,
      ),
    ).toMatch(/^2 <img> have no width and height: the page moves when they load\./);
    expect(
      check('<img src="https://img.example/a.jpg" alt="A" width="800" height="600">', undefined),
    ).toBeUndefined();
    // Both problems of one body, in one warning.
    expect(check('<img src="https://img.example/a.jpg" alt="A" onclick="x()">', undefined)).toMatch(
      /^The sanitiser removes the onclick attribute of <img>: .* An <img> has no width and height/,
    );
  });

  it('finds nothing to remove in the simple markup the contract lists, nor in the demo feed', () => {
    const simple =
      '<p>The <strong>budget</strong> passed, <a href="https://example.com/">details</a>.</p><blockquote><p>“Good day.”</p><cite>Mayor</cite></blockquote><figure><img src="a.jpg" alt="Hall" width="800" height="533"><figcaption>Hall</figcaption></figure><ul><li>One</li></ul>';
    expect(check(simple, 'https://feeds.example.com/f.json')).toBeUndefined();
    const demo = parseFeed(demoFeedText(), 'https://example.com/feeds/vilnius-2023.json');
    if (!demo.ok) throw new Error(demo.error.message);
    for (const item of demo.feed.items) {
      expect(
        check(item.contentHtml ?? '', 'https://example.com/feeds/vilnius-2023.json'),
      ).toBeUndefined();
    }
  });
});
