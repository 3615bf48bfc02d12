// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readFeedJson } from '../../../../src/core/feed/parse-feed';

const read = (text: string) => {
  const r = readFeedJson(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.json;
};

describe('readFeedJson: U+0000, which HTML cannot carry', () => {
  it('reads a \\u0000 escape as U+FFFD, in keys and values alike', () => {
    expect(read('{"title":"java\\u0000script:","a\\u0000":["\\u0000"]}')).toEqual({
      title: 'java\uFFFDscript:',
      'a\uFFFD': ['\uFFFD'],
    });
  });

  it('leaves an escaped backslash before "u0000" as written', () => {
    expect(read('{"t":"\\\\u0000","u":"\\\\\\u0000"}')).toEqual({
      t: '\\u0000',
      u: '\\\uFFFD',
    });
  });
});
