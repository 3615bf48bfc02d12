import { useEffect, useRef, useState } from 'react';
import type * as Frames from '../../core/embeds/embed-frames';
import type { EmbedTarget } from '../../core/embeds/providers';
import { useMessages } from '../../shared/i18n/use-messages';

// The table of embed addresses and permissions is a lazy chunk (docs/decisions/0012): most
// readers never agree to an embed. A chunk that fails to load leaves the card's link.
let framesLoaded: typeof Frames | undefined;
let frames: Promise<typeof Frames> | undefined;

function loadFrames(): Promise<typeof Frames> {
  frames ??= import('../../core/embeds/embed-frames').then(
    (m) => (framesLoaded = m),
    (error: unknown) => {
      frames = undefined;
      throw error;
    },
  );
  return frames;
}

type Loaded = Frames.EmbedFrame | 'failed' | undefined;

interface Props {
  readonly target: EmbedTarget;
  readonly title: string;
  /** Move focus into the embed once it is there (the reader just asked for it). */
  readonly focus: boolean;
}

/** The provider's own iframe, in a box of its final size from the start: nothing below moves. */
export function LoadedEmbed({ target, title, focus }: Props) {
  const t = useMessages();
  const [frame, setFrame] = useState<Loaded>(() => framesLoaded?.embedFrame(target));
  const ref = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    let current = true;
    loadFrames().then(
      (m) => current && setFrame(m.embedFrame(target) ?? 'failed'),
      () => current && setFrame('failed'),
    );
    return () => {
      current = false;
    };
  }, [target]);
  const ready = frame !== undefined && frame !== 'failed';
  useEffect(() => {
    if (focus && ready) ref.current?.focus();
  }, [focus, ready]);
  return (
    <div className={`lb-embed__frame lb-embed__frame--${target.shape}`}>
      {frame === 'failed' ? (
        <p className="lb-embed__failed">{t.embedFailed}</p>
      ) : (
        frame && (
          <iframe
            ref={ref}
            src={frame.src}
            title={title}
            sandbox={frame.sandbox}
            allow={frame.allow || undefined}
            loading="lazy"
            referrerPolicy="strict-origin-when-cross-origin"
          />
        )
      )}
    </div>
  );
}
