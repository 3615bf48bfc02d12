import { describe, expect, it } from 'vitest';
import { adoptStyles } from '../../../../src/shared/styles/adopt-styles';

const sheetsOf = (root: Document | ShadowRoot) =>
  'adoptedStyleSheets' in root ? root.adoptedStyleSheets.length : 0;
/** <style> elements of these tests (other files may leave their own in the document). */
const stylesOf = (root: ParentNode) =>
  [...root.querySelectorAll('style')].filter((s) => /^\.[abc] /.test(s.textContent ?? '')).length;

describe('adoptStyles', () => {
  it('adds each stylesheet once to the shadow root the element is in', () => {
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    const inside = document.createElement('p');
    shadow.append(inside);
    adoptStyles(inside, '.a { color: red }');
    adoptStyles(inside, '.a { color: red }');
    adoptStyles(shadow, '.b { color: blue }');
    // Constructable sheets where the browser has them, <style> elements otherwise.
    expect(sheetsOf(shadow) + stylesOf(shadow)).toBe(2);
    expect(stylesOf(document)).toBe(0);
  });

  // jsdom has no constructable stylesheets: the path of Safari before 16.4.
  it.skipIf('adoptedStyleSheets' in Document.prototype)(
    'without constructable sheets, one <style> element in the shadow root or the head',
    () => {
      const host = document.createElement('div');
      const shadow = host.attachShadow({ mode: 'open' });
      adoptStyles(shadow, '.c { color: green }');
      adoptStyles(shadow, '.c { color: green }');
      expect(stylesOf(shadow)).toBe(1);
      expect(shadow.querySelector('style')!.textContent).toBe('.c { color: green }');
      const p = document.createElement('p');
      document.body.append(p);
      adoptStyles(p, '.c { color: green }');
      adoptStyles(p, '.c { color: green }');
      expect(stylesOf(document.head)).toBe(1);
      p.remove();
      for (const style of document.head.querySelectorAll('style')) {
        if (style.textContent === '.c { color: green }') style.remove();
      }
    },
  );
});
