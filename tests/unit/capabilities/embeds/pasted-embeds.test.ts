// Provider markup pasted into content_html: recognised while the body is sanitised, and the body
// split there into pieces kept in their original order.
import { describe, expect, it } from 'vitest';
import { keepPastedEmbeds, splitAtEmbeds } from '../../../../src/capabilities/embeds/pasted-embeds';
import { sanitizeHtml } from '../../../../src/capabilities/timeline/sanitize-html';

const BASE = 'https://news.example/feeds/live.json';
const clean = (html: string) => sanitizeHtml(html, BASE, keepPastedEmbeds);
const body = (html: string) => splitAtEmbeds(clean(html)) ?? [{ html: clean(html) }];

const TWEET = `<blockquote class="twitter-tweet" data-theme="dark"><p lang="en" dir="ltr">Allies agree
a new package.<br>More soon.</p>&mdash; NATO (@NATO) <a href="https://twitter.com/NATO/status/1678999999999999999?ref_src=twsrc%5Etfw">July 12, 2023</a></blockquote>
<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>`;

describe('provider markup in content_html', () => {
  it('a body without any is not split: it stays the sanitised HTML it was', () => {
    const html = '<p>Plain <b>text</b></p><blockquote><p>A quote</p></blockquote>';
    expect(clean(html)).toBe(html);
    expect(splitAtEmbeds(clean(html))).toBeUndefined();
  });

  it('splits at a tweet, in order; the script goes, the blockquote’s text is the fallback', () => {
    const pieces = body(`<p>Before</p>${TWEET}<p>After</p>`);
    expect(pieces).toEqual([
      { html: '<p>Before</p>' },
      {
        embed: {
          url: 'https://twitter.com/NATO/status/1678999999999999999?ref_src=twsrc%5Etfw',
          text: 'Allies agree a new package. More soon. — NATO (@NATO) July 12, 2023',
        },
      },
      { html: '\n<p>After</p>' },
    ]);
    expect(JSON.stringify(pieces)).not.toMatch(/script|widgets\.js|class=/);
  });

  it('takes the first link to the post, not to the account, and the cite where there is one', () => {
    const bluesky = `<blockquote class="bluesky-embed" data-bluesky-uri="at://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3k2yihcrp6f2c"><p>Summit day two.</p>&mdash; NATO (<a href="https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur?ref_src=embed">@nato.int</a>) <a href="https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/post/3k2yihcrp6f2c?ref_src=embed">July 12, 2023</a></blockquote>`;
    expect(body(bluesky)).toEqual([
      {
        embed: {
          url: 'https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/post/3k2yihcrp6f2c?ref_src=embed',
          text: 'Summit day two. — NATO (@nato.int) July 12, 2023',
        },
      },
    ]);
    const tiktok = `<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@nato/video/7254000000000000000" data-video-id="7254000000000000000" style="max-width: 605px"><section><a target="_blank" href="https://www.tiktok.com/@nato?refer=embed">@nato</a> Summit</section></blockquote><script async src="https://www.tiktok.com/embed.js"></script>`;
    expect(body(tiktok)).toEqual([
      {
        embed: {
          url: 'https://www.tiktok.com/@nato/video/7254000000000000000',
          text: '@nato Summit',
        },
      },
    ]);
    const instagram = `<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/CuQm2x1sAbC/?utm_source=ig_embed" data-instgrm-version="14"><div><a href="https://www.instagram.com/p/CuQm2x1sAbC/?utm_source=ig_embed" target="_blank">View this post on Instagram</a></div></blockquote>`;
    expect(body(instagram)).toEqual([
      {
        embed: {
          url: 'https://www.instagram.com/p/CuQm2x1sAbC/?utm_source=ig_embed',
          text: 'View this post on Instagram',
        },
      },
    ]);
  });

  it('a YouTube iframe becomes a gated embed; its generic title is no fallback', () => {
    expect(
      body(
        '<p>Watch:</p><iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ?si=abc" title="YouTube video player" allowfullscreen></iframe>',
      ),
    ).toEqual([
      { html: '<p>Watch:</p>' },
      { embed: { url: 'https://www.youtube.com/embed/dQw4w9WgXcQ?si=abc', text: undefined } },
    ]);
    expect(
      body(
        '<iframe src="//www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="The press conference"></iframe>',
      ),
    ).toEqual([
      {
        embed: {
          url: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
          text: 'The press conference',
        },
      },
    ]);
  });

  it('any other iframe is removed, srcdoc and all, as before', () => {
    for (const html of [
      '<iframe src="https://player.vimeo.com/video/76979871"></iframe>',
      '<iframe src="https://youtube.com.evil.example/embed/dQw4w9WgXcQ"></iframe>',
      '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
      '<iframe src="javascript:alert(1)"></iframe>',
      '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>',
    ]) {
      expect(body(`<p>x</p>${html}`)).toEqual([{ html: '<p>x</p>' }]);
    }
  });

  it('a provider blockquote without a link to a post stays a plain quote, without its class', () => {
    const html =
      '<blockquote class="twitter-tweet"><p>Text</p><a href="https://twitter.com/NATO">@NATO</a><a href="javascript:alert(1)">x</a></blockquote>';
    expect(body(html)).toEqual([
      {
        html: '<blockquote><p>Text</p><a href="https://twitter.com/NATO" target="_blank" rel="noopener noreferrer">@NATO</a><a>x</a></blockquote>',
      },
    ]);
  });

  it('finds the markup whatever the order of its attributes, and lets no class through', () => {
    // As a CMS that sorts attributes writes it: `cite` and `align` come before `class`.
    const tiktok =
      '<blockquote cite="https://www.tiktok.com/@nato/video/7254000000000000000" class="tiktok-embed"><a href="https://www.tiktok.com/@nato">@nato</a> Summit</blockquote>';
    expect(body(`<p>Before</p>${tiktok}`)).toEqual([
      { html: '<p>Before</p>' },
      {
        embed: {
          url: 'https://www.tiktok.com/@nato/video/7254000000000000000',
          text: '@nato Summit',
        },
      },
    ]);
    const unlinked = body(
      '<blockquote align="left" class="twitter-tweet"><p>Text</p></blockquote>',
    );
    expect(unlinked).toEqual([{ html: '<blockquote><p>Text</p></blockquote>' }]);
  });

  it('a post of another provider, or of a look-alike host, does not make it an embed', () => {
    expect(
      body(
        '<blockquote class="twitter-tweet"><a href="https://x.com.evil.example/NATO/status/1">a</a><a href="https://youtu.be/dQw4w9WgXcQ">b</a></blockquote>',
      ),
    ).toHaveLength(1);
    expect(
      body(
        '<blockquote class="twitter-tweet"><a href="https://youtu.be/dQw4w9WgXcQ">b</a></blockquote>',
      )[0],
    ).toHaveProperty('html');
  });

  it('other classes never survive, on a blockquote or anywhere', () => {
    const html = sanitizeHtml(
      '<blockquote class="lb-update lb-button">q</blockquote><p class="twitter-tweet">p</p>',
      BASE,
      keepPastedEmbeds,
    );
    expect(html).toBe('<blockquote>q</blockquote><p>p</p>');
    expect(
      sanitizeHtml('<blockquote class="x twitter-tweet y">q</blockquote>', BASE, keepPastedEmbeds),
    ).toBe('<blockquote class="twitter-tweet">q</blockquote>');
  });

  it('a recognised quote inside a list splits the list, keeping each side’s part', () => {
    const html = `<ul><li>one</li><li>two ${TWEET.replace(/\s*<script.*<\/script>/s, '')} three</li><li>four</li></ul>`;
    const pieces = body(html);
    expect(pieces.map((p) => ('html' in p ? p.html : 'EMBED'))).toEqual([
      '<ul><li>one</li><li>two </li></ul>',
      'EMBED',
      '<ul><li> three</li><li>four</li></ul>',
    ]);
  });

  it('posts side by side in a list leave nothing between them; the list closes after them', () => {
    const post = (n: number) =>
      `<blockquote class="twitter-tweet"><a href="https://x.com/a/status/${n}">x</a></blockquote>`;
    const pieces = body(`<ol><li><ul><li>a ${post(1)}${post(2)} b</li></ul></li><li>c</li></ol>`);
    expect(pieces.map((p) => ('html' in p ? p.html : 'EMBED'))).toEqual([
      '<ol><li><ul><li>a </li></ul></li></ol>',
      'EMBED',
      'EMBED',
      '<ol><li><ul><li> b</li></ul></li><li>c</li></ol>',
    ]);
  });

  it('splits the longest body in less time than sanitising it takes', () => {
    const paragraphs = 8_000;
    let started = performance.now();
    const html = clean(`<p>a</p>${TWEET}${'<p>words</p>'.repeat(paragraphs)}`);
    const sanitising = performance.now() - started;
    started = performance.now();
    const pieces = splitAtEmbeds(html)!;
    const splitting = performance.now() - started;
    expect(pieces.map((p) => ('html' in p ? p.html.length : 'EMBED'))).toEqual([
      '<p>a</p>'.length,
      'EMBED',
      '\n'.length + '<p>words</p>'.length * paragraphs,
    ]);
    // A ratio from one run, which a slow machine slows alike: both parse the same body in the same
    // DOM, and sanitising then walks all of it. Cut with a Range, splitting it took minutes.
    expect(splitting).toBeLessThan(3 * sanitising);
  });

  it('each piece comes through the sanitiser unchanged, as it does again on its way to the page', () => {
    const html = `<p>See <a href="/more">more</a> <img src="map.png"></p>${TWEET}<ul><li>Clip <video src="clip.mp4" autoplay></video></li></ul><blockquote class="twitter-tweet">q</blockquote>`;
    const pieces = body(html).flatMap((p) => ('html' in p ? [p.html] : []));
    expect(pieces).toHaveLength(2);
    for (const piece of pieces) expect(clean(piece)).toBe(piece);
  });

  it('reads its fallback as text: markup in it never becomes HTML', () => {
    const [piece] = body(
      '<blockquote class="twitter-tweet"><p>&lt;img src=x onerror=alert(1)&gt;</p><a href="https://x.com/a/status/1">d</a></blockquote>',
    );
    expect(piece).toEqual({
      embed: { url: 'https://x.com/a/status/1', text: '<img src=x onerror=alert(1)> d' },
    });
  });
});
