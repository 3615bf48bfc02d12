// What a host's server puts in <live-blog>'s declarative shadow root (the package's server entry,
// entries/server/render-live-blog.tsx), and how the element finds it again in the browser: the
// stylesheet, the widget's HTML in the element's mount, the feed document it was rendered from,
// and the attributes it was rendered for. Data only: the JSON is never run.
import { SETTING_NAMES, type SettingName } from './embed-settings';
import { readPageSnapshot, snapshotScript, type PageSnapshot } from './page-snapshot';

export const MOUNT_ATTRIBUTE = 'data-live-blog-mount';
const ATTRIBUTES_ELEMENT_ID = 'live-blog-attributes';

/** The attributes of <live-blog> that the widget reads, as the server rendered them. */
export type ElementAttributes = Partial<Record<SettingName, string>>;

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The shadow root's content, for a `<template shadowrootmode="open">`. */
export function shadowRootHtml(parts: {
  readonly stylesheet: string;
  readonly widget: string;
  readonly snapshot: PageSnapshot;
  readonly attributes: ElementAttributes;
}): string {
  const attributes = JSON.stringify(parts.attributes).replace(/</g, '\\u003c');
  return [
    // A stylesheet from a URL, not a <style>: a strict CSP (no 'unsafe-inline') allows it.
    `<link rel="stylesheet" href="${escapeAttribute(parts.stylesheet)}">`,
    `<div ${MOUNT_ATTRIBUTE}>${parts.widget}</div>`,
    snapshotScript(parts.snapshot),
    `<script type="application/json" id="${ATTRIBUTES_ELEMENT_ID}">${attributes}</script>`,
  ].join('');
}

/** The stylesheet a host's server linked the shadow root to, if any. */
export function serverStylesheet(shadow: ShadowRoot): HTMLLinkElement | undefined {
  return [...shadow.children].find(
    (child): child is HTMLLinkElement =>
      child instanceof HTMLLinkElement && child.rel === 'stylesheet',
  );
}

/** The mount of a server-rendered widget in `shadow`, or undefined (rendered in the browser). */
export function serverRenderedMount(shadow: ShadowRoot): HTMLElement | undefined {
  // Among the children only (`:scope` matches nothing in a shadow root).
  const mount = [...shadow.children].find((child) => child.hasAttribute(MOUNT_ATTRIBUTE));
  return mount instanceof HTMLElement ? mount : undefined;
}

function renderedAttributes(shadow: ShadowRoot): Readonly<Record<string, unknown>> | undefined {
  const text = shadow.getElementById(ATTRIBUTES_ELEMENT_ID)?.textContent;
  try {
    const value: unknown = text ? JSON.parse(text) : undefined;
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The snapshot the widget in `shadow` was rendered from, when it was rendered for the element's
 * attributes as they are now (`attribute`) and for `feed`: then the browser's first render equals
 * the server's HTML. Undefined otherwise.
 */
export function serverSnapshot(
  shadow: ShadowRoot,
  attribute: (name: SettingName) => string | null,
  feed: string,
): PageSnapshot | undefined {
  const rendered = renderedAttributes(shadow);
  if (!rendered) return undefined;
  const same = SETTING_NAMES.every((name) => (rendered[name] ?? null) === attribute(name));
  return same ? readPageSnapshot(shadow, feed) : undefined;
}

/** Leaves only what the browser renders itself: the server's widget and data go. */
export function removeServerRendering(shadow: ShadowRoot): void {
  serverRenderedMount(shadow)?.remove();
  for (const child of [...shadow.children]) {
    if (child instanceof HTMLScriptElement && child.type === 'application/json') child.remove();
  }
}
