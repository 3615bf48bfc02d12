// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { updateName } from '../../../../src/core/timeline/update-name';
import { item } from '../../../support/feed-builders';

describe('updateName: what names an update in the key events', () => {
  it('is its title, else its summary', () => {
    expect(updateName(item('a', 1, { title: 'Vote passes', summary: 'S' }))).toBe('Vote passes');
    expect(updateName(item('a', 1, { title: undefined, summary: 'The vote passed' }))).toBe(
      'The vote passed',
    );
  });

  it('without either, the words of its body, never its id', () => {
    const html = item('3f2a9c1e-7b4d-4e0a-9f51-0c2d8e6b1a77', 1, {
      title: undefined,
      contentHtml: '<p>Polls <b>close</b>\n at 8&nbsp;pm.</p><p>Counting starts.</p>',
      contentText: 'The words of content_text, which the reader does not see beside HTML',
    });
    expect(updateName(html)).toBe('Polls close at 8 pm. Counting starts.');
    const text = item('b', 1, {
      title: undefined,
      contentHtml: undefined,
      contentText: 'Polls\n\nclose.',
    });
    expect(updateName(text)).toBe('Polls close.');
  });

  it('a long body gives its opening words, cut at a space and marked as cut', () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const name = updateName(
      item('c', 1, { title: undefined, contentHtml: undefined, contentText: words }),
    );
    expect(name.endsWith('…')).toBe(true);
    expect(words.startsWith(name.slice(0, -1))).toBe(true);
    expect(words[name.length - 1]).toBe(' ');
    expect(name.length).toBeLessThanOrEqual(101);
  });

  it('a body of emoji without spaces is cut between characters, never inside one', () => {
    const name = updateName(
      item('d', 1, { title: undefined, contentHtml: undefined, contentText: '👍'.repeat(150) }),
    );
    expect(name).toBe(`${'👍'.repeat(100)}…`);
    expect(name).not.toMatch(/\p{Cs}/u);
  });
});
