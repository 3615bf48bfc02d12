// @vitest-environment node
// The text of hostile bodies: what search, the JSON-LD and the text fallback read from HTML.
import { describe, expect, it } from 'vitest';
import { FEED_LIMITS } from '../../../../src/core/feed/feed-limits';
import { htmlToSearchText } from '../../../../src/core/filters/normalise-text';

describe('htmlToSearchText on hostile bodies', () => {
  const longest = FEED_LIMITS.maxItemContentChars;
  const body = (unit: string, end = '', start = '') =>
    `<p>Words</p>${start}${unit.repeat(Math.floor((longest - 30) / unit.length))}${end}`;

  it.each([
    ['"<" alone', body('<')],
    ['"<" before a closing tag', body('<', '</p>')],
    ['tags that never end', body('<a')],
    ['one tag whose name never ends', body('a-', '', '<')],
    ['scripts that are never closed', body('<script')],
    ['styles closed as scripts', body('<style', '</script>')],
  ])('reads a body of %s in linear time', (_name, html) => {
    expect(html.length).toBeLessThanOrEqual(longest);
    const started = performance.now();
    const text = htmlToSearchText(html);
    // Linear work takes milliseconds; the quadratic took tens of seconds.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(text).toContain('Words');
  });

  it('reads tags and stray "<" as before; an unclosed script runs to the end', () => {
    expect(htmlToSearchText('<p>3 < 5</p> and 2 < 4')).toBe(' 3 < 5  and 2 < 4');
    expect(htmlToSearchText('<p>a<b>b</b></p><p>c')).toBe(' ab  c');
    expect(htmlToSearchText('<p>x < y <b>z</p>')).toBe(' x < y z ');
    expect(htmlToSearchText('<style>p{}</style><p>x</p><script>y</script>z')).toBe('  x  z');
    expect(htmlToSearchText('<p>Seen</p><script>var hidden = "<p>";')).toBe(' Seen  ');
  });

  it('reads numeric character references in any case and length, and nothing past Unicode', () => {
    expect(htmlToSearchText('&#X41;&#x0041;&#0065;&#x10FFFF;&#1114111;')).toBe(
      'AAA\u{10FFFF}\u{10FFFF}',
    );
    expect(htmlToSearchText(`&#x0;&#x110000;&#1114112;&#${'9'.repeat(400)};`)).toBe('    ');
  });
});
