// DOM ids made from feed ids. They must be unique and reversible for any id the contract
// allows: `a b`, `a_b` and `a\u00a0b` are three updates, and a permalink or an aria-labelledby
// that mixed them up would open or name the wrong one. The feed id is percent-encoded (no white
// space, and injective), and each kind of element has a prefix of its own, so no encoded id can
// make one kind's id look like another's.

/** A feed id as it appears inside DOM ids and in `#update-…` permalinks. */
export function idPart(id: string): string {
  try {
    return encodeURIComponent(id);
  } catch {
    // Lone surrogates: the parser drops such ids, so this only keeps rendering from throwing.
    return encodeURIComponent(id.replace(/\p{Cs}/gu, '\uFFFD'));
  }
}

/** The inverse of idPart, or undefined for text idPart cannot have produced. */
export function fromIdPart(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

export const UPDATE_ID_PREFIX = 'update-';

export function updateElementId(id: string): string {
  return `${UPDATE_ID_PREFIX}${idPart(id)}`;
}

/** The update a permalink's hash (`#update-…`) names, if it names one. */
export function updateIdFromHash(hash: string): string | undefined {
  if (!hash.startsWith(`#${UPDATE_ID_PREFIX}`)) return undefined;
  const id = fromIdPart(hash.slice(UPDATE_ID_PREFIX.length + 1));
  return id === '' ? undefined : id;
}

export function updateTitleId(id: string): string {
  return `title-update-${idPart(id)}`;
}

/** A topic's section; the group of updates without a topic has an id no topic can take. */
export function groupElementId(topic: string | null): string {
  return topic === null ? 'other-updates' : `group-${idPart(topic)}`;
}

export function groupTitleId(topic: string | null): string {
  return `title-${groupElementId(topic)}`;
}
