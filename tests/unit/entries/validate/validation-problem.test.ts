import { describe, expect, it } from 'vitest';
import { jsonPath, RULES } from '../../../../src/entries/validate/validation-problem';
import { readRepoFile } from '../../../support/feed-builders';

/** A heading's anchor as GitHub makes it. */
function anchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

describe('the rules problems cite', () => {
  it('are each a heading of the document they name', () => {
    for (const rule of Object.values(RULES)) {
      const [file = '', hash] = rule.split('#');
      const anchors = readRepoFile(file)
        .split('\n')
        .filter((line) => /^#{2,4} /.test(line))
        .map((line) => anchor(line.replace(/^#+ /, '')));
      expect(anchors, rule).toContain(hash);
    }
  });
});

describe('jsonPath', () => {
  it('writes member names with dots, indexes in brackets, and odd names quoted', () => {
    expect(jsonPath('items', 3, '_liveblog', 'image_alt')).toBe('$.items[3]._liveblog.image_alt');
    expect(jsonPath('a b')).toBe('$["a b"]');
    expect(jsonPath()).toBe('$');
  });

  it('cuts a long member name, as the feed may make one up', () => {
    const path = jsonPath('items', 0, `note ${'x'.repeat(10_000)}`);
    expect(path).toMatch(/^\$\.items\[0\]\["note x+…\]$/);
    expect(path.length).toBeLessThan(80);
  });
});
