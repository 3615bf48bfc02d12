import { describe, expect, it } from 'vitest';
import { embedFrame, FRAME_ORIGINS } from '../../../../src/core/embeds/embed-frames';
import { recogniseEmbed } from '../../../../src/core/embeds/providers';
import { readRepoFile } from '../../../support/feed-builders';

/** The frame-src list of the server's CSP, read from its source (server/ stands alone). */
function cspFrameOrigins(): string[] {
  const source = readRepoFile('server/headers.mjs');
  const list = /EMBED_FRAME_ORIGINS = \[([^\]]*)\]/.exec(source)?.[1] ?? '';
  expect(source).toContain("`frame-src 'self' ${EMBED_FRAME_ORIGINS.join(' ')}`");
  return [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
}

const frameFor = (url: string) => {
  const target = recogniseEmbed(url);
  if (!target) throw new Error(`not recognised: ${url}`);
  return embedFrame(target);
};

const SCRIPTS = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

describe('embedFrame', () => {
  it.each([
    ['https://youtu.be/dQw4w9WgXcQ?t=1', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://vimeo.com/76979871', 'https://player.vimeo.com/video/76979871?dnt=1'],
    // An unlisted video plays only with its key.
    [
      'https://vimeo.com/76979871/8272103f6e',
      'https://player.vimeo.com/video/76979871?h=8272103f6e&dnt=1',
    ],
    [
      'https://player.vimeo.com/video/76979871?h=8272103f6e&badge=0',
      'https://player.vimeo.com/video/76979871?h=8272103f6e&dnt=1',
    ],
    [
      'https://twitter.com/NATO/status/1678999999999999999?s=20',
      'https://platform.twitter.com/embed/Tweet.html?id=1678999999999999999&dnt=true',
    ],
    [
      'https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/post/3k2yihcrp6f2c',
      'https://embed.bsky.app/embed/did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3k2yihcrp6f2c',
    ],
    [
      'https://bsky.app/profile/nato.int/post/3k2yihcrp6f2c',
      'https://embed.bsky.app/embed/nato.int/app.bsky.feed.post/3k2yihcrp6f2c',
    ],
    ['https://t.me/V_Zelenskiy_official/6789', 'https://t.me/V_Zelenskiy_official/6789?embed=1'],
    ['https://t.me/s/V_Zelenskiy_official/6789', 'https://t.me/V_Zelenskiy_official/6789?embed=1'],
    [
      'https://www.instagram.com/reel/CuQm2x1sAbC/',
      'https://www.instagram.com/p/CuQm2x1sAbC/embed/',
    ],
    [
      'https://www.tiktok.com/@nato/video/7254000000000000000',
      'https://www.tiktok.com/embed/v2/7254000000000000000',
    ],
  ])('builds the address from the parsed id alone: %s', (url, src) => {
    expect(frameFor(url)?.src).toBe(src);
  });

  it('gives players what video needs, and posts no more than scripts and popups', () => {
    expect(frameFor('https://youtu.be/dQw4w9WgXcQ')).toMatchObject({
      sandbox: `${SCRIPTS} allow-presentation`,
      allow: 'fullscreen; picture-in-picture; encrypted-media',
    });
    expect(frameFor('https://x.com/NATO/status/1')).toMatchObject({ sandbox: SCRIPTS, allow: '' });
    for (const url of [
      'https://youtu.be/dQw4w9WgXcQ',
      'https://t.me/nato_news/12',
      'https://www.tiktok.com/@nato/video/1',
    ]) {
      const sandbox = frameFor(url)!.sandbox.split(' ');
      expect(sandbox).not.toContain('allow-top-navigation');
      expect(sandbox).not.toContain('allow-forms');
      expect(sandbox).not.toContain('allow-modals');
    }
  });

  it('has no frame for a Mastodon post: its server cannot be listed in a CSP', () => {
    expect(frameFor('https://mastodon.social/@NATO/110693000000000000')).toBeUndefined();
  });

  it('every address is on an origin of the CSP’s frame-src, and frame-src lists no other', () => {
    expect([...FRAME_ORIGINS].sort()).toEqual(cspFrameOrigins().sort());
    for (const url of [
      'https://youtu.be/dQw4w9WgXcQ',
      'https://vimeo.com/1',
      'https://x.com/a/status/1',
      'https://bsky.app/profile/a.b/post/3k2yihcrp6f2c',
      'https://t.me/nato_news/1',
      'https://instagram.com/p/abcde',
      'https://tiktok.com/@ab/video/1',
    ]) {
      expect(FRAME_ORIGINS).toContain(new URL(frameFor(url)!.src).origin);
    }
  });
});
