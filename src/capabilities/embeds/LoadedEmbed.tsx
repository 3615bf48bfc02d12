import { useEffect, useRef } from 'react';
import { embedFrame } from '../../core/embeds/embed-frames';
import type { EmbedTarget } from '../../core/embeds/providers';

export interface LoadedEmbedProps {
  readonly target: EmbedTarget;
  readonly title: string;
  /** Move focus into the embed (the reader just asked for it). */
  readonly focus: boolean;
}

/** The provider's own iframe, its address and permissions built from the parsed id. */
export function LoadedEmbed({ target, title, focus }: LoadedEmbedProps) {
  const frame = embedFrame(target);
  const ref = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
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
  );
}
