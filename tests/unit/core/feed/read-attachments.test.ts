// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { FEED_LIMITS } from '../../../../src/core/feed/feed-limits';
import {
  attachmentDropReason,
  readAttachment,
  readAttachments,
} from '../../../../src/core/feed/read-attachments';
import { parsed, wireFeed, wireItem } from '../../../support/feed-builders';

const BASE = 'https://news.example/live/feeds/head.json';
const photo = (n: number, extra: Record<string, unknown> = {}) => ({
  url: `https://img.example/${n}.jpg`,
  mime_type: 'image/jpeg',
  ...extra,
});

describe('parseFeed: attachments', () => {
  const feed = parsed(
    wireFeed([
      wireItem('media', 2, {
        image: 'https://img.example/poster.jpg',
        attachments: [
          {
            url: 'photos/harbour.jpg',
            mime_type: 'image/jpeg',
            title: '  Ships at the harbour mouth  ',
            _liveblog: { width: 1600, height: 900, credit: 'Photo: Harbour Press' },
          },
          { url: 'https://cdn.example/clip.mp4', mime_type: 'video/mp4', title: 'The arrival' },
          { url: 'https://cdn.example/clip.webm', mime_type: 'Video/WebM; codecs="vp9"' },
          { url: 'https://cdn.example/speech.mp3', mime_type: 'audio/mpeg' },
        ],
      }),
      wireItem('none', 1, { attachments: [] }),
      wireItem('all-bad', 0, {
        attachments: [{ url: 'javascript:alert(1)', mime_type: 'image/png' }],
      }),
    ]),
    BASE,
  );
  const item = (id: string) => feed.items.find((i) => i.id === id)!;

  it('reads photos, MP4 and WebM video and audio in order, URLs resolved against the feed', () => {
    expect(item('media').attachments).toEqual([
      {
        kind: 'image',
        url: 'https://news.example/live/feeds/photos/harbour.jpg',
        mimeType: 'image/jpeg',
        title: 'Ships at the harbour mouth',
        credit: 'Photo: Harbour Press',
        width: 1600,
        height: 900,
      },
      {
        kind: 'video',
        url: 'https://cdn.example/clip.mp4',
        mimeType: 'video/mp4',
        title: 'The arrival',
      },
      // The type's parameters are read past; its case does not matter.
      { kind: 'video', url: 'https://cdn.example/clip.webm', mimeType: 'video/webm' },
      { kind: 'audio', url: 'https://cdn.example/speech.mp3', mimeType: 'audio/mpeg' },
    ]);
  });

  it('has none when the list is empty or nothing in it can be shown; the item still renders', () => {
    expect(item('none').attachments).toBeUndefined();
    expect(item('all-bad').attachments).toBeUndefined();
    expect(feed.rejected).toEqual([]);
  });
});

describe('readAttachments', () => {
  it('drops each attachment whose URL is not http(s), on its own', () => {
    const read = readAttachments(
      [
        photo(1, { url: 'javascript:alert(1)' }),
        photo(2, { url: 'data:image/png;base64,AAAA' }),
        photo(3, { url: 'vbscript:msgbox(1)' }),
        photo(4, { url: 'ftp://img.example/4.jpg' }),
        photo(5, { url: 42 }),
        photo(6, { url: undefined }),
        photo(7),
      ],
      BASE,
    );
    expect(read?.map((a) => a.url)).toEqual(['https://img.example/7.jpg']);
  });

  it('drops unknown, malformed and missing MIME types', () => {
    const read = readAttachments(
      [
        photo(1, { mime_type: 'application/pdf' }),
        photo(2, { mime_type: 'video/quicktime' }),
        photo(3, { mime_type: 'text/html' }),
        photo(4, { mime_type: 'image' }),
        photo(5, { mime_type: 'image/' }),
        photo(6, { mime_type: 'image/png"><script>' }),
        photo(7, { mime_type: ['image/png'] }),
        photo(8, { mime_type: undefined }),
        photo(9, { mime_type: ' image/PNG ' }),
        photo(10, { mime_type: 'audio/ogg' }),
      ],
      BASE,
    );
    expect(read?.map((a) => [a.kind, a.mimeType])).toEqual([
      ['image', 'image/png'],
      ['audio', 'audio/ogg'],
    ]);
  });

  it('ignores fields of the wrong kind and keeps the attachment', () => {
    const [read] = readAttachments(
      [photo(1, { title: 7, _liveblog: { credit: ['x'], width: '800', height: 600 } })],
      BASE,
    )!;
    expect(read).toEqual({
      kind: 'image',
      url: 'https://img.example/1.jpg',
      mimeType: 'image/jpeg',
    });
    expect(readAttachments([null, 'x', 3, photo(2)], BASE)).toHaveLength(1);
    expect(readAttachments({ 0: photo(1) }, BASE)).toBeUndefined();
  });

  it('keeps a size only as positive whole pixels, both sides or neither', () => {
    const sizes = [
      { width: 1600, height: 900 },
      { width: 1600 },
      { width: 0, height: 900 },
      { width: -4, height: 3 },
      { width: 1.5, height: 900 },
      { width: 1e9, height: 900 },
      { width: Number.NaN, height: 900 },
    ];
    const read = readAttachments(
      sizes.map((s, i) => photo(i, { _liveblog: s })),
      BASE,
    )!;
    expect(read.map((a) => [a.width, a.height])).toEqual([
      [1600, 900],
      ...sizes.slice(1).map(() => [undefined, undefined]),
    ]);
  });

  it(`reads at most ${FEED_LIMITS.maxAttachments} attachments of one item`, () => {
    const many = Array.from({ length: FEED_LIMITS.maxAttachments + 10 }, (_, i) => photo(i));
    expect(readAttachments(many, BASE)).toHaveLength(FEED_LIMITS.maxAttachments);
  });
});

describe('attachmentDropReason', () => {
  it('gives a reason exactly for the attachments the client drops, naming what is wrong', () => {
    const cases: [unknown, RegExp | undefined][] = [
      [photo(1), undefined],
      [{ url: 'clip.webm', mime_type: 'video/webm' }, undefined],
      ['https://img.example/1.jpg', /not an object/],
      [{ url: 'https://img.example/1.jpg' }, /mime_type is missing/],
      [photo(1, { mime_type: 'jpeg' }), /"jpeg" is not a MIME type/],
      [
        photo(1, { mime_type: 'Video/QuickTime' }),
        /video\/quicktime is not a kind the client shows/,
      ],
      [photo(1, { url: 'data:image/png;base64,AAAA' }), /url is missing or not http\(s\)/],
    ];
    for (const [raw, reason] of cases) {
      const why = attachmentDropReason(raw, BASE);
      expect(why === undefined, JSON.stringify(raw)).toBe(readAttachment(raw, BASE) !== undefined);
      if (reason) expect(why).toMatch(reason);
    }
  });
});
