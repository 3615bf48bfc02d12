// An edit's body applied in place: the result is the new HTML, and the nodes that did not change
// are the same nodes (what the browser's scroll anchoring and a playing player hold on to).
import { describe, expect, it } from 'vitest';
import { morphHtml as morphFrom } from '../../../../src/capabilities/timeline/morph-body';

const p = (text: string) => `<p>${text}</p>`;

/** The HTML each body was last given, as ProseHtml keeps it. */
const given = new WeakMap<Element, string>();

function body(html: string) {
  const el = document.createElement('div');
  el.innerHTML = html;
  given.set(el, html);
  return el;
}

function morphHtml(el: Element, html: string) {
  morphFrom(el, html, given.get(el)!);
  given.set(el, html);
}

describe('morphHtml', () => {
  it('keeps every paragraph that did not change when one is added above them', () => {
    const el = body([p('one'), p('two'), p('three')].join('\n'));
    const [one, two, three] = [...el.children];
    morphHtml(el, [p('one'), p('added'), p('two'), p('three')].join('\n'));
    expect(el.innerHTML).toBe([p('one'), p('added'), p('two'), p('three')].join('\n'));
    expect(el.children[0]).toBe(one);
    expect(el.children[2]).toBe(two);
    expect(el.children[3]).toBe(three);
  });

  it('edits a changed paragraph in place and keeps those around it', () => {
    const el = body([p('one'), p('<em>two</em> as was'), p('three'), p('four')].join(''));
    const before = [...el.children];
    const next = [p('one'), p('<em>two</em> as corrected'), p('three'), p('four, and more')];
    morphHtml(el, next.join(''));
    expect(el.innerHTML).toBe(next.join(''));
    // The same elements: only the text in them changed.
    expect(before.every((node, i) => node === el.children[i])).toBe(true);
  });

  it('replaces an element whose kind changed, and removes what went', () => {
    const el = body([p('one'), '<h4>two</h4>', p('three'), p('four')].join(''));
    const [one, , three] = [...el.children];
    morphHtml(el, [p('one'), '<blockquote>two</blockquote>', p('three')].join(''));
    expect(el.innerHTML).toBe([p('one'), '<blockquote>two</blockquote>', p('three')].join(''));
    expect(el.children[0]).toBe(one);
    expect(el.children[2]).toBe(three);
  });

  it('gives the new HTML whatever the change', () => {
    const parts = ['<p>a</p>', '<p>b</p>', '\n', '<ul><li>x</li></ul>', 'text', '<p>c</p>', '<hr>'];
    // Every pair of bodies made from these parts, in a few orders and lengths.
    const bodies = [
      '',
      parts.join(''),
      [...parts].reverse().join(''),
      parts.slice(2).join(''),
      parts.filter((_, i) => i % 2).join(''),
      parts.map((part) => part.replace('b', 'B')).join(''),
      [...parts, ...parts].join(''),
    ];
    for (const from of bodies) {
      for (const to of bodies) {
        const el = body(from);
        morphHtml(el, to);
        expect(el.innerHTML, `${from} → ${to}`).toBe(to);
      }
    }
  });

  it('gives the new HTML of a long body whose every paragraph changed, matched by position', () => {
    const paragraphs = Array.from({ length: 150 }, (_, i) => p(`paragraph ${i}`));
    const el = body(paragraphs.join(''));
    const first = el.children[0];
    const next = [...paragraphs].reverse().map((para) => para.replace('paragraph', 'part'));
    morphHtml(el, next.join(''));
    expect(el.innerHTML).toBe(next.join(''));
    expect(el.children[0]).toBe(first);
  });

  describe('sections (<details>) the reader opened or closed', () => {
    const section = (text: string, open = false) =>
      `<details${open ? ' open=""' : ''}><summary>More</summary>${p(text)}</details>`;

    it('keeps a section the reader opened open, and the same element, when another part changes', () => {
      const el = body([p('one'), section('inside'), p('three')].join(''));
      const details = el.querySelector('details')!;
      details.open = true;
      morphHtml(el, [p('one, corrected'), section('inside'), p('three')].join(''));
      expect(el.querySelector('details')).toBe(details);
      expect(details.open).toBe(true);
      expect(el.querySelector('p')!.textContent).toBe('one, corrected');
    });

    it('keeps it open when the text inside it is edited', () => {
      const el = body([p('one'), section('inside')].join(''));
      const details = el.querySelector('details')!;
      details.open = true;
      morphHtml(el, [p('one'), section('inside, corrected')].join(''));
      expect(el.querySelector('details')).toBe(details);
      expect(details.open).toBe(true);
      expect(details.textContent).toContain('inside, corrected');
    });

    it('keeps closed a section the feed had open and the reader closed', () => {
      const el = body([section('a', true), section('b', true)].join(''));
      const [first, second] = el.querySelectorAll('details');
      first!.open = false;
      morphHtml(el, [p('new'), section('a', true), section('b', true)].join(''));
      expect(el.querySelectorAll('details')[0]).toBe(first);
      expect(first!.open).toBe(false);
      expect(second!.open).toBe(true);
    });

    it('opens and closes the sections the reader left alone as the edit says', () => {
      const el = body([section('a'), section('b', true), p('c')].join(''));
      const [a, b] = el.querySelectorAll('details');
      const next = [section('a', true), section('b'), section('new', true), p('c')].join('');
      morphHtml(el, next);
      expect(el.innerHTML).toBe(next);
      expect(el.querySelectorAll('details')[0]).toBe(a);
      expect(el.querySelectorAll('details')[1]).toBe(b);
    });

    it('follows a section the reader opened when one is added above it', () => {
      const el = body([section('a'), section('b')].join(''));
      const b = el.querySelectorAll('details')[1]!;
      b.open = true;
      morphHtml(el, [section('added'), section('a'), section('b')].join(''));
      const now = el.querySelectorAll('details');
      expect(now[2]).toBe(b);
      expect([...now].map((d) => d.open)).toEqual([false, false, true]);
    });
  });
});
