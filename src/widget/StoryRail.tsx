import { useCallback } from 'react';
import { contentLang } from '../core/feed/content-lang';
import type { FeedMeta, LiveItem } from '../core/feed/feed-types';
import type { Labels } from '../core/filters/facet-labels';
import type { ActivityBin } from '../core/timeline/activity-bins';
import { ActivityChart } from '../capabilities/story/ActivityChart';
import { KeyEventsRail } from '../capabilities/story/KeyEventsRail';
import { useMessages } from '../shared/i18n/use-messages';

/** Topics beyond the declared ones share the last colour of the palette. */
const OTHER_COLOUR = 7;

interface Props {
  readonly bins: readonly ActivityBin[];
  readonly keyEvents: readonly LiveItem[];
  readonly meta: FeedMeta | undefined;
  readonly labels: Labels;
  readonly locale: string;
  readonly timeZone: string | undefined;
  readonly onSelectBin: (bin: ActivityBin) => void;
  readonly onJump: (id: string) => void;
  readonly permalink: (id: string) => string;
  /** Beside the timeline, where the key events are open at first; above it, folded. */
  readonly beside: boolean;
}

/** The story at a glance, beside or above the timeline: updates per hour, and key events. */
export function StoryRail(props: Props) {
  const { bins, keyEvents, meta, labels, locale, timeZone } = props;
  const t = useMessages();
  const lang = contentLang(meta);
  const topics = meta?.topics;
  const colourIndex = useCallback(
    (topic: string | null) => {
      const i = topic === null ? -1 : (topics?.findIndex((x) => x.id === topic) ?? -1);
      return i >= 0 ? i : OTHER_COLOUR;
    },
    [topics],
  );
  const topicLabel = useCallback(
    (topic: string | null) => (topic === null ? t.otherUpdates : labels.topic(topic)),
    [t, labels],
  );
  return (
    <section className="lb-rail" aria-label={t.atAGlance}>
      {bins.length > 1 && (
        <ActivityChart
          bins={bins}
          topicLabel={topicLabel}
          lang={lang}
          colourIndex={colourIndex}
          locale={locale}
          timeZone={timeZone}
          countLabel={t.updateCount}
          onSelectBin={props.onSelectBin}
        />
      )}
      <KeyEventsRail
        items={keyEvents}
        lang={lang}
        locale={locale}
        timeZone={timeZone}
        onJump={props.onJump}
        pageUrl={props.permalink}
        open={props.beside}
      />
    </section>
  );
}
