import { useMessages } from '../../shared/i18n/use-messages';

interface Props {
  readonly count: number;
  readonly onShow: () => void;
}

/** The "toast": arrivals wait behind it so the page never moves under the reader. */
export function NewUpdatesButton({ count, onShow }: Props) {
  const t = useMessages();
  return (
    <div className="lb-toast-slot">
      {count > 0 && (
        // dir: "↑ 3 new updates" in a right-to-left feed too, not "new updates 3 ↑".
        <button type="button" className="lb-toast" onClick={onShow} part="new-updates" dir="auto">
          <span aria-hidden="true">↑ </span>
          {t.newUpdates(count)}
        </button>
      )}
    </div>
  );
}
