// The client's own model of a feed, independent of the wire format (JSON Feed 1.1 + `_liveblog`).
// Times are epoch milliseconds so that sorting and comparing never re-parse strings.

export type FeedStatus = 'upcoming' | 'live' | 'ended';

export interface Topic {
  readonly id: string;
  readonly label: string;
}

export interface Country {
  readonly code: string;
  /** Absent when the feed gives none: the UI asks Intl.DisplayNames. */
  readonly name?: string;
}

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly role?: string;
  readonly country?: string;
}

export interface Author {
  readonly name?: string;
  readonly url?: string;
  readonly avatar?: string;
}

export type AttachmentKind = 'image' | 'video' | 'audio';

/** A JSON Feed attachment the client can show natively (core/feed/read-attachments.ts). */
export interface Attachment {
  readonly kind: AttachmentKind;
  readonly url: string;
  /** The type's essence, lower case: `image/jpeg`, `video/mp4`. */
  readonly mimeType: string;
  /** An image's text alternative and caption; a video's or a recording's caption. */
  readonly title?: string;
  readonly credit?: string;
  /** Pixels, both or neither (`_liveblog.width` and `height`). */
  readonly width?: number;
  readonly height?: number;
}

/** A post or player from another site (`_liveblog.embeds`), shown behind a privacy gate. */
export interface Embed {
  /** The post's own address (http or https); its provider and id are read from it. */
  readonly url: string;
  /** Fallback text, shown until the reader loads the embed (and where it cannot load). */
  readonly text?: string;
  readonly author?: string;
  readonly published?: number;
}

export interface FeedMeta {
  readonly title: string;
  readonly homePageUrl?: string;
  readonly feedUrl?: string;
  readonly description?: string;
  readonly language?: string;
  readonly nextUrl?: string;
  readonly status: FeedStatus;
  readonly pollSeconds?: number;
  readonly timezone?: string;
  readonly coverageStart?: string;
  readonly coverageEnd?: string;
  readonly topics: readonly Topic[];
  readonly countries: readonly Country[];
  readonly people: readonly Person[];
}

export interface LiveItem {
  readonly id: string;
  readonly title?: string;
  readonly contentHtml?: string;
  /** Where the document holding the item was found: `contentHtml`'s relative links resolve there. */
  readonly base?: string;
  readonly contentText?: string;
  readonly summary?: string;
  readonly url?: string;
  /** The lead image (JSON Feed `image`). */
  readonly image?: string;
  /** Its text alternative; without one the image is decorative. */
  readonly imageAlt?: string;
  readonly imageCaption?: string;
  readonly imageCredit?: string;
  /** Photos, video and audio (JSON Feed `attachments`); absent when there are none. */
  readonly attachments?: readonly Attachment[];
  readonly published: number;
  readonly modified?: number;
  readonly authors: readonly Author[];
  readonly tags: readonly string[];
  /** Topic ids; the first is the item's group. For a plain JSON Feed these are its tags. */
  readonly topics: readonly string[];
  readonly countries: readonly string[];
  readonly speakers: readonly string[];
  readonly dateline?: string;
  readonly keyEvent: boolean;
  readonly pinned: boolean;
  readonly embeds: readonly Embed[];
}

export interface Tombstone {
  readonly id: string;
  readonly modified?: number;
}

export interface RejectedItem {
  readonly index: number;
  readonly id?: string;
  readonly reason: string;
  /** Entries this report stands for (the overflow of an over-long document); 1 when absent. */
  readonly count?: number;
}

export interface ParsedFeed {
  readonly meta: FeedMeta;
  readonly items: readonly LiveItem[];
  readonly tombstones: readonly Tombstone[];
  readonly rejected: readonly RejectedItem[];
}

export type FeedErrorKind = 'not-json' | 'not-a-feed' | 'too-large' | 'too-deep';

export interface FeedError {
  readonly kind: FeedErrorKind;
  readonly message: string;
}

export type ParseResult =
  | { readonly ok: true; readonly feed: ParsedFeed }
  | { readonly ok: false; readonly error: FeedError };

/** The item's version for "newer wins": its last edit, else its publication. */
export function itemVersion(item: { readonly published?: number; readonly modified?: number }) {
  return item.modified ?? item.published ?? 0;
}
