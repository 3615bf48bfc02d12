// @vitest-environment node
// The text of hostile bodies: what search, the JSON-LD and the text fallback read from HTML.
import { describe, expect, it } from 'vitest';
import { FEED_LIMITS } from '../../../../src/core/feed/feed-limits';
import { htmlToSearchText } from '../../../../src/core/filters/normalise-text';
import { growthOnQuadrupling, LINEAR_GROWTH_BOUND } from '../../../support/growth';

describe('htmlToSearchText on hostile bodies', () => {
  const longest = FEED_LIMITS.maxItemContentChars;
  const body = (unit: string, end: string, start: string, chars: number) =>
    `<p>Words</p>${start}${unit.repeat(Math.floor(chars / unit.length))}${end}`;

  it.each([
    ['"<" alone', ['<', '', '']],
    ['"<" before a closing tag', ['<', '</p>', '']],
    ['tags that never end', ['<a', '', '']],
    ['one tag whose name never ends', ['a-', '', '<']],
    ['scripts that are never closed', ['<script', '', '']],
    ['styles closed as scripts', ['<style', '</script>', '']],
  ] as const)('reads a body of %s in time that grows with its length', (_name, parts) => {
    const [unit, end, start] = parts;
    // Patterns that read to the end from every "<" and failed grew with the square: one update
    // of the longest such body froze a tab for a minute.
    const bodies = new Map<number, string>();
    const growth = growthOnQuadrupling((chars) => {
      const html = bodies.get(chars) ?? body(unit, end, start, chars);
      bodies.set(chars, html);
      for (let i = 0; i < 10; i++) expect(htmlToSearchText(html)).toContain('Words');
    }, longest / 64);
    expect(growth).toBeLessThan(LINEAR_GROWTH_BOUND);
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
