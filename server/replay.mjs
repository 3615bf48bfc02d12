// @ts-check
/**
 * Live replay of a finished feed: publishes its items one by one, then an
 * edit, a retraction and the end of coverage, so that a client sees every
 * kind of change a real live blog makes.
 */
import { FEED_CONTENT_TYPE, Representation, floorToSecond } from './http-caching.mjs';
import { buildPagedDocuments, isTombstone, pagePath, paginate } from './pagination.mjs';

/**
 * @typedef {import('./pagination.mjs').FeedItem} FeedItem
 * @typedef {import('./pagination.mjs').FeedDocument} FeedDocument
 * @typedef {'item' | 'duplicate' | 'edit' | 'retraction' | 'end'} StepKind
 * @typedef {{ kind: StepKind, index?: number }} Step
 * @typedef {{
 *   id: number,
 *   headDoc: FeedDocument,
 *   head: Representation,
 *   completePages: number,
 * }} Version
 * @typedef {{
 *   published: number,
 *   total: number,
 *   phase: 'live' | 'ended',
 *   next: StepKind | null,
 *   remainingSteps: number,
 *   items: number,
 *   fillers: number,
 *   pages: number,
 *   version: number,
 *   etag: string,
 *   editId: string | null,
 *   duplicateId: string | null,
 * }} ReplayState
 * @typedef {{
 *   publishNext: (count?: number) => ReplayState,
 *   publishAll: () => ReplayState,
 *   skip: (count?: number) => ReplayState,
 *   reset: () => ReplayState,
 *   state: () => ReplayState,
 *   current: () => Version,
 *   stale: () => Version,
 *   page: (k: number) => Representation | null,
 *   pagePaths: () => string[],
 * }} Replay
 */

const MINUTE = 60_000;
const VERSIONS_KEPT = 5;

/** @param {number} ms */
const iso = (ms) => new Date(ms).toISOString();

/**
 * First top-level paragraph of an HTML body, or null when the body does not
 * start with one or has nothing after it (then truncating would not show).
 * @param {unknown} html
 */
export function firstParagraph(html) {
  if (typeof html !== 'string') return null;
  const trimmed = html.trim();
  if (!/^<p[\s>]/i.test(trimmed)) return null;
  const end = trimmed.search(/<\/p\s*>/i);
  if (end < 0) return null;
  const close = trimmed.slice(end).match(/^<\/p\s*>/i);
  const cut = end + (close ? close[0].length : 4);
  if (!trimmed.slice(cut).trim()) return null;
  return trimmed.slice(0, cut);
}

/** @param {FeedItem} item */
function canTruncate(item) {
  return (
    !isTombstone(item) && !item._liveblog?.pinned && firstParagraph(item.content_html) !== null
  );
}

/**
 * @param {number[]} candidates
 * @param {number} target
 */
function nearest(candidates, target) {
  let best = -1;
  for (const c of candidates)
    if (best < 0 || Math.abs(c - target) < Math.abs(best - target)) best = c;
  return best;
}

/**
 * @param {{
 *   feed: FeedDocument,
 *   feedPath?: string,
 *   initialItems?: number,
 *   headSize?: number,
 *   pageSize?: number,
 *   shiftDates?: boolean,
 *   pollSeconds?: number,
 *   now?: () => number,
 * }} options
 * @returns {Replay}
 */
export function createReplay(options) {
  const {
    feed,
    feedPath = '/feeds/vilnius-2023.json',
    headSize = 50,
    pageSize = 50,
    shiftDates = true,
    now = Date.now,
  } = options;
  if (!feed || !Array.isArray(feed.items))
    throw new TypeError('replay: the source is not a JSON Feed (no items array)');

  const sorted = feed.items
    .map((item, i) => ({ item, i, t: Date.parse(item.date_published ?? '') }))
    .sort((a, b) => {
      const ta = Number.isFinite(a.t) ? a.t : Infinity;
      const tb = Number.isFinite(b.t) ? b.t : Infinity;
      return ta - tb || a.i - b.i;
    })
    .map((x) => /** @type {FeedItem} */ (x.item));
  const total = sorted.length;
  /** @param {number} i */
  const source = (i) => /** @type {FeedItem} */ (sorted[i]);
  const initialCount = Math.max(0, Math.min(options.initialItems ?? 3, total));
  const pollSeconds = options.pollSeconds ?? feed._liveblog?.poll_seconds ?? 10;

  // The edit and the duplicate are chosen among items published live, so a
  // reader watching the replay sees both the first version and the change.
  const later = [];
  for (let i = initialCount; i < total; i++) later.push(i);
  const everyone = sorted.map((_, i) => i);
  const editable = (/** @type {number[]} */ pool) => pool.filter((i) => canTruncate(source(i)));
  const editIndex = nearest(
    editable(later).length ? editable(later) : editable(everyone),
    initialCount + Math.floor(later.length / 3),
  );
  const duplicable = (/** @type {number[]} */ pool) =>
    pool.filter((i) => i !== editIndex && !isTombstone(source(i)) && !source(i)._liveblog?.pinned);
  const dupIndex = nearest(
    duplicable(later).length ? duplicable(later) : duplicable(everyone),
    initialCount + Math.floor((later.length * 2) / 3),
  );
  const editId = editIndex >= 0 ? String(source(editIndex).id) : null;
  const duplicateId = dupIndex >= 0 ? `${source(dupIndex).id}-dup` : null;

  /** @type {Step[]} */
  const steps = [];
  if (dupIndex >= 0 && dupIndex < initialCount) steps.push({ kind: 'duplicate' });
  for (const i of later) {
    steps.push({ kind: 'item', index: i });
    if (i === dupIndex) steps.push({ kind: 'duplicate' });
  }
  if (editIndex >= 0) steps.push({ kind: 'edit' });
  if (dupIndex >= 0) steps.push({ kind: 'retraction' });
  steps.push({ kind: 'end' });

  /** Mutable replay state, rebuilt by reset(). */
  let s = fresh();

  function fresh() {
    const startMs = now();
    const newestInitial =
      initialCount > 0 ? Date.parse(source(initialCount - 1).date_published ?? '') : NaN;
    const firstSource = total > 0 ? Date.parse(source(0).date_published ?? '') : NaN;
    const anchor = Number.isFinite(newestInitial) ? newestInitial : firstSource;
    // Initial items keep their spacing but end one minute before now.
    const offset = shiftDates && Number.isFinite(anchor) ? startMs - MINUTE - anchor : 0;
    return {
      startMs,
      offset,
      cursor: 0,
      published: 0,
      fillers: 0,
      ended: false,
      endedAt: 0,
      lastPublishMs: startMs - MINUTE,
      lastModifiedMs: 0,
      /** @type {FeedItem[]} */
      slots: [],
      /** @type {Map<string, number>} */
      slotById: new Map(),
      /** @type {FeedItem[][]} */
      frozenPages: [],
      /** @type {Representation[]} */
      pageReps: [],
      /** @type {Version[]} */
      versions: [],
      /** @type {FeedItem | null} */
      fullEditVersion: null,
    };
  }

  /** Publication times strictly increase, so newest-first order is publication order. */
  function publishTime() {
    s.lastPublishMs = Math.max(now(), s.lastPublishMs + 1);
    return s.lastPublishMs;
  }

  /**
   * @param {string | undefined} value
   */
  function shifted(value) {
    const t = Date.parse(value ?? '');
    return Number.isFinite(t) ? iso(t + s.offset) : value;
  }

  /**
   * @param {number} index
   * @param {boolean} initial
   * @returns {FeedItem}
   */
  function prepare(index, initial) {
    /** @type {FeedItem} */
    const item = structuredClone(source(index));
    if (shiftDates) {
      if (initial) {
        item.date_published = shifted(item.date_published);
        if (item.date_modified !== undefined) {
          const mod = Date.parse(shifted(item.date_modified) ?? '');
          if (Number.isFinite(mod)) item.date_modified = iso(Math.min(mod, s.startMs));
        }
      } else {
        // An edit noted in the source happened after publication; at publish time it has not yet.
        item.date_published = iso(publishTime());
        delete item.date_modified;
      }
    }
    if (index === editIndex) {
      s.fullEditVersion = structuredClone(item);
      item.content_html = firstParagraph(item.content_html);
      if (typeof item.content_text === 'string') {
        item.content_text = item.content_text.split(/\n\s*\n/)[0];
      }
      delete item.date_modified;
    }
    return item;
  }

  /** @param {FeedItem} item */
  function addSlot(item) {
    s.slotById.set(String(item.id), s.slots.length);
    s.slots.push(Object.freeze(item));
  }

  /**
   * @param {string} id
   * @param {FeedItem} item
   */
  function replaceSlot(id, item) {
    const at = s.slotById.get(id);
    if (at === undefined) return;
    s.slots[at] = Object.freeze(item);
  }

  /** @param {Step} step */
  function run(step) {
    switch (step.kind) {
      case 'item': {
        addSlot(prepare(/** @type {number} */ (step.index), false));
        s.published++;
        break;
      }
      case 'duplicate': {
        const original =
          s.slots[/** @type {number} */ (s.slotById.get(String(source(dupIndex).id)))];
        /** @type {FeedItem} */
        const dup = structuredClone(/** @type {FeedItem} */ (original));
        dup.id = /** @type {string} */ (duplicateId);
        if (shiftDates) dup.date_published = iso(publishTime());
        delete dup.date_modified;
        addSlot(dup);
        break;
      }
      case 'edit': {
        const full = /** @type {FeedItem} */ (s.fullEditVersion);
        full.date_modified = iso(publishTime());
        replaceSlot(/** @type {string} */ (editId), full);
        break;
      }
      case 'retraction': {
        replaceSlot(/** @type {string} */ (duplicateId), {
          id: /** @type {string} */ (duplicateId),
          date_modified: iso(publishTime()),
          _liveblog: { deleted: true },
        });
        break;
      }
      case 'end': {
        s.ended = true;
        s.endedAt = publishTime();
        break;
      }
    }
  }

  function topLevel() {
    const { items: _i, next_url: _n, feed_url: _f, expired: _e, _liveblog: lb = {}, ...top } = feed;
    /** @type {import('./pagination.mjs').FeedExtension} */
    const liveblog = { ...lb, status: s.ended ? 'ended' : 'live', poll_seconds: pollSeconds };
    if (lb.coverage_start !== undefined)
      liveblog.coverage_start = shiftDates ? shifted(lb.coverage_start) : lb.coverage_start;
    if (s.ended)
      liveblog.coverage_end = shiftDates || !lb.coverage_end ? iso(s.endedAt) : lb.coverage_end;
    else delete liveblog.coverage_end;
    /** @type {import('./pagination.mjs').FeedTop} */
    const out = { ...top, _liveblog: liveblog };
    if (s.ended) out.expired = true;
    return out;
  }

  function snapshot() {
    const paged = paginate({ items: s.slots, headSize, pageSize, frozenPages: s.frozenPages });
    const { head, pages } = buildPagedDocuments(topLevel(), paged, feedPath);
    // Validators must move on every version, even two within one second.
    s.lastModifiedMs = Math.max(floorToSecond(now()), s.lastModifiedMs + 1000);
    for (const p of pages.slice(s.pageReps.length)) {
      s.frozenPages.push(s.slots.slice((p.k - 1) * pageSize, p.k * pageSize));
      s.pageReps.push(
        new Representation(JSON.stringify(p.doc), {
          contentType: FEED_CONTENT_TYPE,
          lastModified: s.lastModifiedMs,
        }),
      );
    }
    /** @type {Version} */
    const version = {
      id: (s.versions.at(-1)?.id ?? 0) + 1,
      headDoc: head,
      head: new Representation(JSON.stringify(head), {
        contentType: FEED_CONTENT_TYPE,
        lastModified: s.lastModifiedMs,
      }),
      completePages: paged.completePages,
    };
    s.versions.push(version);
    if (s.versions.length > VERSIONS_KEPT) s.versions.shift();
  }

  function start() {
    s = fresh();
    for (let i = 0; i < initialCount; i++) {
      addSlot(prepare(i, true));
      s.published++;
    }
    snapshot();
  }

  /** @returns {ReplayState} */
  function state() {
    const v = current();
    return {
      published: s.published,
      total,
      phase: s.ended ? 'ended' : 'live',
      next: steps[s.cursor]?.kind ?? null,
      remainingSteps: steps.length - s.cursor,
      items: s.slots.length,
      fillers: s.fillers,
      pages: v.completePages,
      version: v.id,
      etag: v.head.etag,
      editId,
      duplicateId,
    };
  }

  function current() {
    return /** @type {Version} */ (s.versions.at(-1));
  }

  /** @param {number} [count] */
  function publishNext(count = 1) {
    let ran = 0;
    let step;
    while (ran < count && (step = steps[s.cursor])) {
      s.cursor++;
      run(step);
      ran++;
    }
    if (ran > 0) snapshot();
    return state();
  }

  /**
   * Publishes `count` items in one version: the pending source items first,
   * then synthetic fillers, so the head stops overlapping what a client holds.
   * @param {number} [count]
   */
  function skip(count = 120) {
    let added = 0;
    let step;
    while (
      added < count &&
      (step = steps[s.cursor]) &&
      (step.kind === 'item' || step.kind === 'duplicate')
    ) {
      s.cursor++;
      run(step);
      added++;
    }
    for (; added < count; added++) {
      const n = ++s.fillers;
      addSlot({
        id: `replay-filler-${n}`,
        title: `Replay filler update ${n}`,
        content_html: `<p>Replay filler update ${n}: a synthetic continuation added by the replay server's "skip" fault. It is not part of the source feed.</p>`,
        date_published: iso(publishTime()),
      });
    }
    snapshot();
    return state();
  }

  start();

  return {
    publishNext,
    publishAll: () => publishNext(Infinity),
    skip,
    reset() {
      start();
      return state();
    },
    state,
    current,
    stale: () => /** @type {Version} */ (s.versions.at(-3) ?? s.versions[0]),
    page: (k) => (Number.isInteger(k) && k >= 1 ? (s.pageReps[k - 1] ?? null) : null),
    pagePaths: () => s.pageReps.map((_, i) => pagePath(feedPath, i + 1)),
  };
}
