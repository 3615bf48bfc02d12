import { useEffect, useState, useSyncExternalStore } from 'react';
import { useMessages } from '../../shared/i18n/use-messages';

const unchanging = () => () => {};
const browserShares = () => typeof navigator.share === 'function';
const serverShares = () => false;

/**
 * "Share" through the browser's own sheet (Web Share) where it has one, "Copy link" otherwise,
 * with feedback in its own label, which screen readers announce on focus.
 */
export function CopyLinkButton({
  href,
  title,
}: {
  readonly href: string;
  readonly title?: string;
}) {
  const t = useMessages();
  const canShare = useSyncExternalStore(unchanging, browserShares, serverShares);
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 3000);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = () => {
    const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
    if (!clipboard) {
      setState('failed');
      return;
    }
    clipboard.writeText(href).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  const share = () => {
    navigator.share({ url: href, title }).then(
      () => {},
      (error: unknown) => {
        // Closing the sheet is the reader's answer; a share that failed copies instead.
        if (!(error instanceof DOMException && error.name === 'AbortError')) copy();
      },
    );
  };
  return (
    <span className="lb-copy-link">
      <a
        href={href}
        className="lb-copy-link__anchor"
        onClick={(e) => {
          e.preventDefault();
          if (canShare) share();
          else copy();
        }}
      >
        {state === 'copied'
          ? t.linkCopied
          : state === 'failed'
            ? t.copyFailed
            : canShare
              ? t.share
              : t.copyLink}
      </a>
      <span className="lb-visually-hidden" aria-live="polite">
        {state === 'copied' ? t.linkCopied : state === 'failed' ? t.copyFailed : ''}
      </span>
    </span>
  );
}
