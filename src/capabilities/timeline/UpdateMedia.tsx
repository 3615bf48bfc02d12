import { useRef, type ReactNode } from 'react';
import type { Attachment } from '../../core/feed/feed-types';
import { useChunkMessages } from '../../shared/i18n/use-messages';
import { stylesRef } from '../../shared/styles/adopt-styles';
import { Figure } from './Figure';
import { mediaMessages } from './media-messages';
import type * as ViewerModule from './gallery-viewer';
import mediaCss from './update-media.css?inline';

// A chunk of its own with its styles (media-code.ts): a feed without attachments never loads it.
const styled = stylesRef(mediaCss);

// The viewer is a chunk of its own: most readers never open a gallery, and it would count
// against the first screen's bundle (docs/decisions/0012-…, 0014-…).
let viewerChunk: Promise<typeof ViewerModule> | undefined;
function loadViewer() {
  viewerChunk ??= import('./gallery-viewer').catch((error: unknown) => {
    // A failed load (a deploy in between, a lost connection) may succeed on the next click.
    viewerChunk = undefined;
    throw error;
  });
  return viewerChunk;
}

interface Props {
  readonly attachments: readonly Attachment[];
  /** The update's lead image: the poster of its videos. */
  readonly poster: string | undefined;
  /** The update's headline: the viewer's name. */
  readonly label: string;
  /** The feed's language: of the captions, credits and text alternatives. */
  readonly lang?: string | undefined;
}

/** An update's attachments: its photos (one figure, or a gallery), then its videos and audio. */
export function UpdateMedia({ attachments, poster, label, lang }: Props) {
  const photos = attachments.filter((a) => a.kind === 'image');
  const [only] = photos;
  return (
    <div ref={styled} className="lb-media">
      {photos.length > 1 ? (
        <Gallery photos={photos} label={label} lang={lang} />
      ) : (
        only && (
          <Captioned attachment={only} lang={lang}>
            <img
              className="lb-media__image"
              src={only.url}
              alt={only.title ?? ''}
              lang={lang}
              width={only.width}
              height={only.height}
              loading="lazy"
              decoding="async"
            />
          </Captioned>
        )
      )}
      {attachments.map((a, i) =>
        a.kind === 'image' ? null : (
          <Captioned key={i} attachment={a} lang={lang}>
            <Player attachment={a} poster={poster} />
          </Captioned>
        ),
      )}
    </div>
  );
}

/** A native player that never starts on its own and loads no more than its length and size. */
function Player({ attachment: a, poster }: { attachment: Attachment; poster?: string }) {
  const t = useChunkMessages(mediaMessages);
  const source = <source src={a.url} type={a.mimeType} />;
  // Shown only by a browser that cannot play the element at all.
  const fallback = (
    <a href={a.url} target="_blank" rel="noopener noreferrer">
      {t.mediaFile}
    </a>
  );
  if (a.kind === 'audio') {
    return (
      <audio className="lb-media__audio" controls preload="metadata">
        {source}
        {fallback}
      </audio>
    );
  }
  return (
    <video
      className="lb-media__video"
      controls
      preload="metadata"
      playsInline
      poster={poster}
      width={a.width}
      height={a.height}
    >
      {source}
      {fallback}
    </video>
  );
}

/** A figure with the attachment's caption and credit, when it has words. */
function Captioned(props: {
  attachment: Attachment;
  lang: string | undefined;
  children: ReactNode;
}) {
  const { attachment: a, lang, children } = props;
  return (
    <Figure caption={a.title} credit={a.credit} block="lb-media" lang={lang}>
      {children}
    </Figure>
  );
}

/** Thumbnails in a grid; each opens the viewer at its photo. */
function Gallery(props: {
  photos: readonly Attachment[];
  label: string;
  lang: string | undefined;
}) {
  const { photos, label, lang } = props;
  const t = useChunkMessages(mediaMessages);
  const list = useRef<HTMLUListElement>(null);
  const open = (start: number, opener: HTMLElement) => {
    loadViewer().then(
      (m) => {
        const host = list.current?.parentElement;
        if (host) m.openGalleryViewer({ photos, start, label, opener, host, lang, messages: t });
      },
      () => undefined,
    );
  };
  return (
    <ul className="lb-gallery" aria-label={t.gallery(photos.length)} ref={list}>
      {photos.map((photo, i) => (
        <li key={i}>
          <button
            type="button"
            className="lb-gallery__open"
            onClick={(e) => open(i, e.currentTarget)}
          >
            <span className="lb-visually-hidden">{t.openPhoto(i + 1, photos.length)}</span>{' '}
            <img
              src={photo.url}
              alt={photo.title ?? ''}
              lang={lang}
              loading="lazy"
              decoding="async"
            />
          </button>
        </li>
      ))}
    </ul>
  );
}
