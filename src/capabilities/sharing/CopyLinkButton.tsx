import { useEffect, useState } from 'react';
import { useMessages } from '../../shared/i18n/use-messages';

/** "Copy link" with feedback in its own label, which screen readers announce on focus. */
export function CopyLinkButton({ href }: { readonly href: string }) {
  const t = useMessages();
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
  return (
    <span className="lb-copy-link">
      <a
        href={href}
        className="lb-copy-link__anchor"
        onClick={(e) => {
          e.preventDefault();
          copy();
        }}
      >
        {state === 'copied' ? t.linkCopied : state === 'failed' ? t.copyFailed : t.copyLink}
      </a>
      <span className="lb-visually-hidden" aria-live="polite">
        {state === 'copied' ? t.linkCopied : state === 'failed' ? t.copyFailed : ''}
      </span>
    </span>
  );
}
