import { describe, expect, it } from 'vitest';
import { revalidation } from '../../../../src/capabilities/feed/revalidation';

const OWN = `${location.origin}/feeds/live.json`;

describe('revalidation', () => {
  it('asks a feed on the page’s own origin by its ETag or its Last-Modified date', () => {
    expect(revalidation(OWN, '"v1"')).toEqual({
      Accept: expect.stringMatching(/^application\/feed\+json/) as string,
      'If-None-Match': '"v1"',
    });
    expect(revalidation('/feeds/live.json', 'W/"v2"')).toMatchObject({ 'If-None-Match': 'W/"v2"' });
    const date = 'Wed, 12 Jul 2023 09:40:00 GMT';
    expect(revalidation(OWN, date)).toMatchObject({ 'If-Modified-Since': date });
  });

  it('adds no header to a request to another origin, nor without a validator', () => {
    // A header of ours would need a CORS preflight that the feed's host need not answer.
    expect(revalidation('https://feeds.example/live.json', '"v1"')).toBeUndefined();
    expect(revalidation(`//feeds.example/live.json`, '"v1"')).toBeUndefined();
    expect(revalidation(OWN, null)).toBeUndefined();
  });
});
