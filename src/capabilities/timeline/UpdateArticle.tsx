import { memo, useMemo, type ComponentType } from 'react';
import type { Attachment, Embed, LiveItem } from '../../core/feed/feed-types';
import type { Labels } from '../../core/filters/facet-labels';
import { useMessages } from '../../shared/i18n/use-messages';
import { formatClock } from '../../shared/time/format-time';
import { Figure } from './Figure';
import { mediaChunk } from './media-code';
import type { BodyPiece } from '../../core/embeds/pasted-markup';
import { htmlToSearchText } from '../../core/filters/normalise-text';
import type { SafeHtml } from '../../shared/dom/dom-window';
import { safeBodyHtml, type SanitizerHooks } from './sanitize-html';
import { UpdateTime } from './UpdateTime';
import { ProseHtml } from './ProseHtml';
import { updateElementId, updateTitleId } from '../../core/timeline/element-ids';

/** What each view of the timeline (topic groups, Latest) takes besides its updates. */
export interface TimelineViewProps {
  readonly context: UpdateContext;
  /** Ids of updates just released from the new-updates button: briefly highlighted. */
  readonly fresh: ReadonlySet<string>;
  /** Ids of updates that came since the reader's last visit and are not read yet: marked. */
  readonly since: ReadonlySet<string>;
  /** Render at most this many updates, in reading order (across groups). */
  readonly budget: number;
}

export interface UpdateContext {
  readonly labels: Labels;
  /** The feed's language, for its words: the widget's own are in the reader's. */
  readonly lang?: string | undefined;
  readonly locale: string;
  readonly timeZone: string | undefined;
  /** The feed's URL, for a body whose item does not say where its document was (`item.base`). */
  readonly baseUrl: string | undefined;
  readonly permalink: (id: string) => string;
  /** What lets a reader share an update's permalink (the widget gives "Copy link"). */
  readonly ShareLink: ComponentType<{ readonly href: string; readonly title?: string }>;
  /**
   * What finds provider markup in a body, once that code is in (the widget gives the embeds
   * chunk, which a feed without embeds never loads).
   */
  readonly bodyEmbeds: () => BodyEmbeds | undefined;
  /** What shows a post or player from another site (the widget gives the privacy gate). */
  readonly EmbedCard: ComponentType<{
    readonly embed: Embed;
    readonly locale: string;
    readonly timeZone: string | undefined;
  }>;
}

/** Provider markup in a body: what the sanitiser must keep of it, then the split there. */
export interface BodyEmbeds {
  readonly keepPastedEmbeds: SanitizerHooks;
  /** Undefined when the body holds no provider markup to split at. */
  readonly splitAtEmbeds: (html: SafeHtml) => readonly BodyPiece[] | undefined;
}

/** A piece of a body as rendered: sanitised HTML for its sink, or an embed found in it. */
type ShownPiece = { readonly html: SafeHtml } | { readonly embed: Embed };

interface Props {
  readonly item: LiveItem;
  readonly context: UpdateContext;
  readonly fresh?: boolean;
  readonly since?: boolean;
}

// Sanitised bodies by item identity: a filter change remounts updates, and DOMPurify is the
// costly part of mounting one. Unchanged items keep their identity across polls (feed-store.ts).
const sanitized = new WeakMap<
  LiveItem,
  { readonly base: string | undefined; readonly body: readonly ShownPiece[] | undefined }
>();

/** The body's pieces; undefined for a text body, or where the page lets no HTML in. */
function sanitizedBody(
  item: LiveItem,
  { baseUrl, bodyEmbeds }: UpdateContext,
): readonly ShownPiece[] | undefined {
  if (item.contentHtml === undefined) return undefined;
  // Where the item's own document was found: a page of the feed, or a moved feed's new place.
  const base = item.base ?? baseUrl;
  const cached = sanitized.get(item);
  if (cached && cached.base === base) return cached.body;
  const embeds = bodyEmbeds();
  const hooks = embeds?.keepPastedEmbeds;
  const html = safeBodyHtml(item.contentHtml, base, hooks);
  // Each piece of a split body goes through the sanitiser again on its way back to HTML: only
  // the sanitiser makes what an HTML sink takes.
  const body =
    html === undefined
      ? undefined
      : (embeds
          ?.splitAtEmbeds(html)
          ?.map((piece) =>
            'html' in piece ? { html: safeBodyHtml(piece.html, base, hooks)! } : piece,
          ) ?? [{ html }]);
  sanitized.set(item, { base, body });
  return body;
}

/**
 * `content_text` in paragraphs, split at blank lines (CRLF or holding spaces too), each keeping
 * its single line breaks; where the page lets no HTML in, the words of `content_html`.
 */
function textParagraphs({ contentText, contentHtml = '' }: LiveItem): string[] {
  return (
    contentText ??
    htmlToSearchText(contentHtml.replace(/\s+/g, ' ').replace(/<\/p\s*>|<br\s*\/?>/gi, '\n\n'))
  )
    .split(/\n\s*\n/)
    .map((para) => para.trim())
    .filter(Boolean);
}

/** One update as the reader sees it. Memoised: a poll re-renders only the items it changed. */
export const UpdateArticle = memo(function UpdateArticle({
  item,
  context,
  fresh = false,
  since = false,
}: Props) {
  const t = useMessages();
  const { labels, locale, timeZone, lang } = context;
  const domId = updateElementId(item.id);
  const headingId = updateTitleId(item.id);
  const body = useMemo(() => sanitizedBody(item, context), [item, context]);
  const headline = item.title ?? t.untitled(formatClock(item.published, locale, timeZone));
  const classes = ['lb-update'];
  if (item.keyEvent) classes.push('lb-update--key');
  if (item.pinned) classes.push('lb-update--pinned');
  if (fresh) classes.push('lb-update--fresh');
  // An edit may move an update to another group or place: mounted anew, maybe above the reader.
  if (item.modified! > item.published) classes.push('lb-update--edited');
  const edited = item.modified !== undefined && item.modified > item.published + 60_000;
  return (
    <article className={classes.join(' ')} id={domId} aria-labelledby={headingId} part="update">
      <div className="lb-update__meta">
        {item.pinned && <span className="lb-badge lb-badge--pinned">{t.pinned}</span>}
        {item.keyEvent && <span className="lb-badge lb-badge--key">{t.keyEvent}</span>}
        {since && <span className="lb-badge lb-badge--since">{t.newSinceVisit}</span>}
        <UpdateTime ms={item.published} locale={locale} timeZone={timeZone} />
      </div>
      <h3 id={headingId} className="lb-update__title" lang={item.title && lang}>
        {item.title === undefined ? (
          headline
        ) : item.url ? (
          <a href={item.url} target="_blank" rel="noopener noreferrer">
            {headline}
          </a>
        ) : (
          headline
        )}
      </h3>
      {item.image && <LeadImage item={item} lang={lang} />}
      <div className="lb-update__body" lang={lang}>
        {item.dateline && <p className="lb-dateline">{item.dateline}</p>}
        {body !== undefined ? (
          body.map((piece, i) =>
            'html' in piece ? (
              <ProseHtml key={i} html={piece.html} />
            ) : (
              <context.EmbedCard key={i} embed={piece.embed} locale={locale} timeZone={timeZone} />
            ),
          )
        ) : (
          <div className="lb-prose lb-prose--text">
            {textParagraphs(item).map((para, i) => (
              <p key={i}>{para}</p>
            ))}
          </div>
        )}
        {item.embeds.map((embed, i) => (
          <context.EmbedCard key={`e${i}`} embed={embed} locale={locale} timeZone={timeZone} />
        ))}
      </div>
      {item.attachments && (
        <Attachments
          attachments={item.attachments}
          poster={item.image}
          label={headline}
          lang={lang}
        />
      )}
      <footer className="lb-update__footer">
        {item.authors.length > 0 && (
          // <bdi>: "By Reuters" in a right-to-left feed too, not "Reuters By".
          <bdi className="lb-update__authors">
            {t.by}{' '}
            {item.authors.map((a, i) => (
              <span key={i} lang={lang}>
                {i > 0 && ', '}
                {a.avatar && (
                  // The name beside it says who it is: the picture adds nothing to read out.
                  <img
                    className="lb-update__avatar"
                    src={a.avatar}
                    alt=""
                    loading="lazy"
                    decoding="async"
                    width={24}
                    height={24}
                  />
                )}
                {a.url ? (
                  <a href={a.url} target="_blank" rel="noopener noreferrer">
                    <bdi>{a.name ?? a.url}</bdi>
                  </a>
                ) : (
                  <bdi>{a.name}</bdi>
                )}
              </span>
            ))}
          </bdi>
        )}
        {item.topics.length > 0 && (
          <ul className="lb-update__topics" aria-label={t.topicsOfUpdate}>
            {item.topics.map((id) => (
              <li key={id} lang={lang}>
                <bdi>{labels.topic(id)}</bdi>
              </li>
            ))}
          </ul>
        )}
        <context.ShareLink href={context.permalink(item.id)} title={item.title} />
        {edited && (
          <span className="lb-update__edited">
            {t.updatedAt(formatClock(item.modified, locale, timeZone))}
          </span>
        )}
      </footer>
    </article>
  );
});

/** Photos and players once their code is in (media-code.ts); links to the files if it could not come. */
function Attachments(props: {
  readonly attachments: readonly Attachment[];
  readonly poster: string | undefined;
  readonly label: string;
  readonly lang: string | undefined;
}) {
  const Media = mediaChunk()?.UpdateMedia;
  if (Media) return <Media {...props} />;
  return (
    <ul>
      {props.attachments.map((a, i) => (
        <li key={i}>
          <a href={a.url} target="_blank" rel="noopener noreferrer">
            {a.title ?? a.url}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The update's lead image, with its caption and credit when the feed gives them. */
function LeadImage({
  item,
  lang,
}: {
  readonly item: LiveItem;
  readonly lang?: string | undefined;
}) {
  const image = (
    <img
      className="lb-update__image"
      src={item.image}
      // Without a text alternative from the feed the image is decorative: repeating the headline
      // would only say it twice.
      alt={item.imageAlt ?? ''}
      lang={lang}
      loading="lazy"
      decoding="async"
      width={1200}
      height={675}
    />
  );
  return (
    <Figure caption={item.imageCaption} credit={item.imageCredit} block="lb-update" lang={lang}>
      {image}
    </Figure>
  );
}
