// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../server/server-render.mjs';

const TEMPLATE =
  '<!doctype html><html><head><meta charset="utf-8"><title>Live blog</title></head><body><div id="root"></div></body></html>';

const TEMPLATE_EN = TEMPLATE.replace('<html>', '<html lang="en">');

describe("the rendered page's HTML", () => {
  it("takes the feed's title as text, whatever dollar signs it holds", () => {
    const title = "Markets: $$ and $` or $' and $& <live>";
    const html = fillTemplate(TEMPLATE, { root: '<p>x</p>', head: '', title, validator: null });
    expect(html).toContain(
      "<title>Markets: $$ and $` or $' and $&amp; &lt;live&gt;</title></head><body>",
    );
  });

  it('names the language of the page it renders, in place of the template’s', () => {
    const page = { root: '', head: '', title: '東京', validator: null };
    const html = (lang: string) => fillTemplate(TEMPLATE_EN, { ...page, lang });
    expect(html('ja')).toContain('<html lang="ja"><head>');
    expect(html('zh-Hant-TW')).toContain('<html lang="zh-Hant-TW"><head>');
    // Anything but a language tag leaves the template as it was.
    expect(html('x" onload="alert(1)')).toContain('<html lang="en"><head>');
    expect(fillTemplate(TEMPLATE_EN, page)).toContain('<html lang="en"><head>');
  });
});
