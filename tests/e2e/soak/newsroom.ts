// A fictional newsroom covering one long day, written from the feed contract
// (docs/feed-format.md) alone. Everything is a pure function of the simulated time, so the test
// knows what every reader must see at any moment: an update every two minutes, some edited
// (soon after, or much later when the update has left the head), some retracted.

export const UPDATE_EVERY_MS = 120_000;

/** The event's topics, in the order of the groups. */
export const TOPICS = [
  { id: 'flooding', label: 'Flooding' },
  { id: 'roads', label: 'Roads and rail' },
  { id: 'power', label: 'Power cuts' },
  { id: 'shelters', label: 'Shelters' },
  { id: 'forecast', label: 'Forecast' },
] as const;

export const PEOPLE = [
  { id: 'harbour-master', name: 'Ines Varga', role: 'Harbour master' },
  { id: 'grid-operator', name: 'Tomas Lind', role: 'Grid operator spokesperson' },
] as const;

export interface UpdateVersion {
  readonly id: string;
  readonly seq: number;
  readonly published: number;
  /** The time of the last edit, if any. */
  readonly modified: number | undefined;
  readonly title: string;
  readonly retracted: boolean;
}

const MINUTE = 60_000;

/** When an update is edited, after it was published (ms). */
function editDelays(seq: number): number[] {
  const delays: number[] = [];
  if (seq % 5 === 2) delays.push(6 * MINUTE);
  // Late enough that the update has left the head: the edit must be put back into it.
  if (seq % 17 === 3) delays.push(70 * MINUTE);
  return delays;
}

/** When an update is retracted, after it was published (ms), or undefined. */
function retractDelay(seq: number): number | undefined {
  if (seq % 11 === 7) return 9 * MINUTE;
  if (seq % 29 === 5) return 80 * MINUTE;
  return undefined;
}

export interface Newsroom {
  readonly name: string;
  /** Updates published up to `now`: seq 0 … count − 1. */
  publishedCount(now: number): number;
  /** The update as the newsroom holds it at `now` (published by then). */
  version(seq: number, now: number): UpdateVersion;
  /** Updates edited or retracted in (since, now]: older ones that must be put back in the head. */
  changedSince(since: number, now: number): number[];
  /** What a reader must see at `now`: every update published and not retracted, by id. */
  expected(now: number): { readonly live: Map<string, string>; readonly retracted: Set<string> };
}

/**
 * `firstAt`: when update 0 was published. `salt` varies topics between feeds of the same
 * newsroom, so several feeds on one page do not look alike.
 */
export function createNewsroom(name: string, firstAt: number, salt = 0): Newsroom {
  const publishedAt = (seq: number) => firstAt + seq * UPDATE_EVERY_MS;
  const publishedCount = (now: number) =>
    now < firstAt ? 0 : Math.floor((now - firstAt) / UPDATE_EVERY_MS) + 1;

  function version(seq: number, now: number): UpdateVersion {
    const published = publishedAt(seq);
    const edits = editDelays(seq)
      .map((d) => published + d)
      .filter((t) => t <= now);
    const retractAt = retractDelay(seq);
    const retracted = retractAt !== undefined && published + retractAt <= now;
    const modified = retracted ? published + retractAt : edits.at(-1);
    const topic = TOPICS[(seq + salt) % TOPICS.length]!;
    const title =
      `${topic.label}: report ${seq}` + (edits.length > 0 ? ` (corrected ${edits.length})` : '');
    return {
      id: `${name}-${String(seq).padStart(5, '0')}`,
      seq,
      published,
      modified,
      title,
      retracted,
    };
  }

  function changedSince(since: number, now: number): number[] {
    const changed: number[] = [];
    const count = publishedCount(now);
    for (let seq = 0; seq < count; seq++) {
      const published = publishedAt(seq);
      const times = editDelays(seq).map((d) => published + d);
      const retractAt = retractDelay(seq);
      if (retractAt !== undefined) times.push(published + retractAt);
      if (times.some((t) => t > since && t <= now)) changed.push(seq);
    }
    return changed;
  }

  function expected(now: number) {
    const live = new Map<string, string>();
    const retracted = new Set<string>();
    for (let seq = 0; seq < publishedCount(now); seq++) {
      const v = version(seq, now);
      if (v.retracted) retracted.add(v.id);
      else live.set(v.id, v.title);
    }
    return { live, retracted };
  }

  return { name, publishedCount, version, changedSince, expected };
}

/** The topic an update is filed under (its group). */
export function topicOf(seq: number, salt = 0): string {
  return TOPICS[(seq + salt) % TOPICS.length]!.id;
}
