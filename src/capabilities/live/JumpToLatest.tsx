import { useMessages } from '../../shared/i18n/use-messages';

/**
 * Oldest first, the newest update is at the far end: this button floats at the bottom of the
 * screen until the end of the list comes up, where its slot keeps it off the last update.
 */
export function JumpToLatest({ onJump }: { readonly onJump: () => void }) {
  const t = useMessages();
  return (
    <div className="lb-jump-slot">
      <button type="button" className="lb-toast" onClick={onJump} part="jump-to-latest">
        {t.jumpToLatest}
        <span aria-hidden="true"> ↓</span>
      </button>
    </div>
  );
}
