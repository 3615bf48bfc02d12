// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../server/server-render.mjs';

const TEMPLATE =
  '<!doctype html><html><head><meta charset="utf-8"><title>Live blog</title></head><body><div id="root"></div></body></html>';

describe("the rendered page's HTML", () => {
  it("takes the feed's title as text, whatever dollar signs it holds", () => {
    const title = "Markets: $$ and $` or $' and $& <live>";
    const html = fillTemplate(TEMPLATE, { root: '<p>x</p>', head: '', title, validator: null });
    expect(html).toContain(
      "<title>Markets: $$ and $` or $' and $&amp; &lt;live&gt;</title></head><body>",
    );
  });
});
