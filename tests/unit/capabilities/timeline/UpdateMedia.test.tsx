// An update's attachments as a reader meets them: one photo as a figure, several as a gallery
// that opens a viewer, and players that never start on their own.
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  articles,
  feedUrl,
  installHarness,
  renderLoaded,
} from '../../../support/live-blog-harness';

installHarness();

const feed = (items: unknown[], language = 'en') =>
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Media feed',
    language,
    _liveblog: { timezone: 'Europe/Vilnius' },
    items,
  });
const update = (id: string, minute: number, extra: Record<string, unknown> = {}) => ({
  id,
  title: `Update ${id}`,
  content_text: `Body of ${id}`,
  date_published: `2023-07-12T09:${String(minute).padStart(2, '0')}:00Z`,
  ...extra,
});
const article = (id: string) =>
  articles().find((a) => within(a).queryByRole('heading', { name: `Update ${id}` }))!;
const photo = (n: number, extra: Record<string, unknown> = {}) => ({
  url: `https://img.example/${n}.jpg`,
  mime_type: 'image/jpeg',
  title: `Photo number ${n}`,
  ...extra,
});

describe('one photo', () => {
  it('is a figure: the title is its text alternative and caption, with the credit', async () => {
    await renderLoaded(
      feedUrl({
        body: feed([
          update('one', 30, {
            attachments: [
              photo(1, { _liveblog: { width: 800, height: 600, credit: 'Photo: Desk' } }),
            ],
          }),
        ]),
      }),
    );
    const figure = within(article('one')).getByRole('figure');
    const img = within(figure).getByRole('img', { name: 'Photo number 1' });
    expect(img).toHaveAttribute('src', 'https://img.example/1.jpg');
    expect(img).toHaveAttribute('loading', 'lazy');
    expect(img).toHaveAttribute('decoding', 'async');
    // The feed's size reserves the exact box before the file arrives.
    expect(img).toHaveAttribute('width', '800');
    expect(img).toHaveAttribute('height', '600');
    expect(figure.querySelector('figcaption')).toHaveTextContent('Photo number 1 Photo: Desk');
    expect(within(article('one')).queryByRole('button', { name: /Open photo/ })).toBeNull();
  });

  it('without a size or words is a bare, decorative image', async () => {
    await renderLoaded(
      feedUrl({
        body: feed([update('bare', 30, { attachments: [photo(1, { title: undefined })] })]),
      }),
    );
    const own = article('bare');
    expect(within(own).queryByRole('figure')).toBeNull();
    const img = own.querySelector('.lb-media img')!;
    expect(img).toHaveAttribute('alt', '');
    expect(img).not.toHaveAttribute('width');
  });
});

describe('a gallery', () => {
  const gallery = () =>
    update('gallery', 30, {
      attachments: [
        photo(1),
        photo(2, { _liveblog: { credit: 'Photo: Harbour Press' } }),
        photo(3, { title: undefined }),
      ],
    });

  beforeEach(() => {
    // jsdom has <dialog> but not its modal methods.
    HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
    HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
      this.removeAttribute('open');
      this.dispatchEvent(new Event('close'));
    };
  });
  afterEach(() => {
    Reflect.deleteProperty(HTMLDialogElement.prototype, 'showModal');
    Reflect.deleteProperty(HTMLDialogElement.prototype, 'close');
  });

  it('is a list of thumbnails, each a button that says it opens the viewer', async () => {
    await renderLoaded(feedUrl({ body: feed([gallery()]) }));
    const list = within(article('gallery')).getByRole('list', { name: 'Gallery, 3 photos' });
    const buttons = within(list).getAllByRole('button');
    expect(buttons.map((b) => b.getAttribute('type'))).toEqual(['button', 'button', 'button']);
    // Named for what it does, then for what the photo shows (the third has no words).
    within(list).getByRole('button', { name: 'Open photo 1 of 3 Photo number 1' });
    within(list).getByRole('button', { name: 'Open photo 3 of 3' });
    expect(within(buttons[1]!).getByRole('img', { name: 'Photo number 2' })).toHaveAttribute(
      'loading',
      'lazy',
    );
    expect(within(article('gallery')).queryByRole('figure')).toBeNull();
  });

  it('opens the viewer at the photo, moves with the arrow keys, and gives focus back', async () => {
    await renderLoaded(feedUrl({ body: feed([gallery()]) }));
    const second = screen.getByRole('button', { name: /^Open photo 2 of 3/ });
    second.focus();
    fireEvent.click(second);
    // The viewer is a chunk of its own: it arrives once the import resolves.
    const dialog = await vi.waitFor(() => screen.getByRole('dialog', { name: 'Update gallery' }));
    expect(dialog).toHaveAttribute('open');
    const caption = dialog.querySelector('figcaption')!;
    expect(caption).toHaveAttribute('aria-live', 'polite');
    expect(caption).toHaveTextContent('Photo 2 of 3 Photo number 2 Photo: Harbour Press');
    expect(within(dialog).getByRole('img', { name: 'Photo number 2' })).toHaveAttribute(
      'src',
      'https://img.example/2.jpg',
    );
    fireEvent.keyDown(dialog, { key: 'ArrowRight' });
    expect(caption).toHaveTextContent(/^Photo 3 of 3$/);
    fireEvent.keyDown(dialog, { key: 'ArrowRight' });
    expect(caption).toHaveTextContent('Photo 1 of 3 Photo number 1');
    fireEvent.keyDown(dialog, { key: 'ArrowLeft' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Previous photo' }));
    expect(caption).toHaveTextContent('Photo 2 of 3');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Next photo' }));
    expect(caption).toHaveTextContent('Photo 3 of 3');

    second.blur();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(second).toHaveFocus();
  });

  it('moves the way the text runs in a right-to-left feed', async () => {
    await renderLoaded(feedUrl({ body: feed([gallery()], 'ar') }));
    fireEvent.click(screen.getByRole('button', { name: /^Open photo 1 of 3/ }));
    const dialog = await vi.waitFor(() => screen.getByRole('dialog'));
    // The feed's language sets the widget's direction: ArrowLeft goes forward.
    fireEvent.keyDown(dialog, { key: 'ArrowLeft' });
    expect(dialog.querySelector('figcaption')).toHaveTextContent(/^Photo 2/);
  });
});

describe('video and audio', () => {
  it('are native players with controls that load only their metadata and never autoplay', async () => {
    await renderLoaded(
      feedUrl({
        body: feed([
          update('clip', 30, {
            image: 'https://img.example/poster.jpg',
            attachments: [
              { url: 'https://cdn.example/clip.mp4', mime_type: 'video/mp4', title: 'The arrival' },
              { url: 'https://cdn.example/talk.mp3', mime_type: 'audio/mpeg' },
            ],
          }),
        ]),
      }),
    );
    const own = article('clip');
    const video = own.querySelector('video')!;
    expect(video).toHaveAttribute('controls');
    expect(video).toHaveAttribute('preload', 'metadata');
    expect(video).toHaveAttribute('playsinline');
    expect(video).toHaveAttribute('poster', 'https://img.example/poster.jpg');
    expect(video).not.toHaveAttribute('autoplay');
    expect(video.autoplay).toBe(false);
    const source = video.querySelector('source')!;
    expect(source).toHaveAttribute('src', 'https://cdn.example/clip.mp4');
    expect(source).toHaveAttribute('type', 'video/mp4');
    expect(within(video).getByRole('link', { name: 'Open the file' })).toHaveAttribute(
      'href',
      'https://cdn.example/clip.mp4',
    );
    expect(video.closest('figure')?.querySelector('figcaption')).toHaveTextContent('The arrival');

    const audio = own.querySelector('audio')!;
    expect(audio).toHaveAttribute('controls');
    expect(audio).toHaveAttribute('preload', 'metadata');
    expect(audio).not.toHaveAttribute('autoplay');
    expect(audio.querySelector('source')).toHaveAttribute('type', 'audio/mpeg');
    // Without words, no figure around it.
    expect(audio.closest('figure')).toBeNull();
  });

  it('a video without the item’s image has no poster', async () => {
    await renderLoaded(
      feedUrl({
        body: feed([
          update('noposter', 30, {
            attachments: [{ url: 'https://cdn.example/clip.webm', mime_type: 'video/webm' }],
          }),
        ]),
      }),
    );
    expect(article('noposter').querySelector('video')).not.toHaveAttribute('poster');
  });
});
