import type { TimeZoneChoice } from '../shared/time/use-time-zone-choice';
import { useMessages } from '../shared/i18n/use-messages';
import { zoneAbbreviation } from '../shared/time/format-time';

interface Props {
  /** The event's zone (the feed's, or the page's override). */
  readonly eventZone: string;
  readonly choice: TimeZoneChoice;
  readonly onChange: (choice: TimeZoneChoice) => void;
  /**
   * The moment whose zone abbreviation is shown (summer or winter time): the last update, not one
   * dated months ahead by mistake; without an update yet, now: not 1970, when many zones had
   * another offset (Asia/Kathmandu +5:30, not +5:45).
   */
  readonly at: number | undefined;
  readonly locale: string;
}

/** "Show times in my time zone", and which zone the times are in now. */
export function TimeZoneToggle({ eventZone, choice, onChange, at, locale }: Props) {
  const t = useMessages();
  return (
    <p className="lb-zone">
      <button
        type="button"
        className="lb-link-button lb-zone__toggle"
        aria-pressed={choice === 'reader'}
        onClick={() => onChange(choice === 'reader' ? 'event' : 'reader')}
      >
        {t.timeZoneToggle}
      </button>
      <span className="lb-zone__current">
        {choice === 'reader' ? t.readerTime : t.eventTime(zoneAbbreviation(at, locale, eventZone))}
      </span>
    </p>
  );
}
