import type { FeedMeta, LiveItem } from '../feed/feed-types';

export interface TopicGroup {
  /** The topic id, or null for the "Other updates" group of items without a topic. */
  readonly id: string | null;
  readonly label: string;
  readonly items: readonly LiveItem[];
}

export interface GroupedTimeline {
  /** Pinned items, shown once above the groups and never again inside them. */
  readonly pinned: readonly LiveItem[];
  readonly groups: readonly TopicGroup[];
}

export function splitPinned(items: readonly LiveItem[]) {
  const pinned: LiveItem[] = [];
  const rest: LiveItem[] = [];
  for (const item of items) (item.pinned ? pinned : rest).push(item);
  return { pinned, rest };
}

/**
 * Groups items (already in display order) by their first topic: declared topics in declared
 * order, then undeclared ids alphabetically (labelled by id), then items with no topic.
 */
export function groupByTopic(
  items: readonly LiveItem[],
  meta: Pick<FeedMeta, 'topics'> | undefined,
  otherLabel: string,
): GroupedTimeline {
  const { pinned, rest } = splitPinned(items);
  const byTopic = new Map<string, LiveItem[]>();
  const noTopic: LiveItem[] = [];
  for (const item of rest) {
    const first = item.topics[0];
    if (first === undefined) {
      noTopic.push(item);
      continue;
    }
    let list = byTopic.get(first);
    if (!list) byTopic.set(first, (list = []));
    list.push(item);
  }
  const declared = meta?.topics ?? [];
  const declaredIds = new Set(declared.map((t) => t.id));
  const groups: TopicGroup[] = [];
  for (const topic of declared) {
    const list = byTopic.get(topic.id);
    if (list) groups.push({ id: topic.id, label: topic.label, items: list });
  }
  const undeclared = [...byTopic.keys()].filter((id) => !declaredIds.has(id)).sort();
  for (const id of undeclared) groups.push({ id, label: id, items: byTopic.get(id)! });
  if (noTopic.length > 0) groups.push({ id: null, label: otherLabel, items: noTopic });
  return { pinned, groups };
}
