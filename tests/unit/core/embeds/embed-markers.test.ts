// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { consentText } from '../../../../src/core/embeds/host-consent';
import { carriesEmbeds } from '../../../../src/core/embeds/pasted-markup';
import { item } from '../../../support/feed-builders';

describe('what needs the embeds code', () => {
  it('an update with listed posts, or provider markup pasted in its body', () => {
    const embed = { url: 'https://www.youtube.com/watch?v=x' };
    expect(carriesEmbeds(item('a', 0, { embeds: [embed] }))).toBe(true);
    expect(
      carriesEmbeds(item('b', 0, { contentHtml: '<blockquote class="twitter-tweet">…' })),
    ).toBe(true);
    expect(carriesEmbeds(item('c', 0, { contentHtml: '<IFRAME src="x">' }))).toBe(true);
    expect(carriesEmbeds(item('d', 0, { contentHtml: '<p>Plain words</p>' }))).toBe(false);
    expect(carriesEmbeds(item('e', 0, { contentHtml: undefined, contentText: 'iframe' }))).toBe(
      false,
    );
  });
});

describe('a host’s consent, as attribute text', () => {
  it('keeps a string, joins a list of names, and ignores anything else', () => {
    expect(consentText('all')).toBe('all');
    expect(consentText(['youtube', 3, 'vimeo'])).toBe('youtube vimeo');
    expect(consentText({ youtube: true })).toBe('');
    expect(consentText(undefined)).toBe('');
  });
});
