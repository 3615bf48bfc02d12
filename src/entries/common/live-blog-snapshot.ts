// A <live-blog> that a host's server rendered (the package's server entry, renderLiveBlog), as
// the host's React tree passes it: <LiveBlog {...props} snapshot={snapshot} />. Plain data, so
// that a framework can carry it from its loader to the page and on to the browser.
import { SETTING_NAMES } from '../../widget/embed-settings';

export interface LiveBlogSnapshot {
  /** The attributes of <live-blog> it was rendered for. */
  readonly attributes: Readonly<Record<string, string>>;
  /** The content of the element's declarative shadow root. */
  readonly shadowHtml: string;
}

/**
 * The element's content in the server's HTML: a declarative shadow root, when `snapshot` was
 * rendered for these attributes (other attributes would show other updates: the browser then
 * renders). The browser's HTML parser turns the <template> into the shadow root.
 */
export function shadowRootTemplate(
  snapshot: LiveBlogSnapshot,
  attributes: Readonly<Record<string, unknown>>,
): string {
  // Only the widget's settings count: id, class and style are the host's.
  const fits = SETTING_NAMES.every((name) => snapshot.attributes[name] === attributes[name]);
  return fits ? `<template shadowrootmode="open">${snapshot.shadowHtml}</template>` : '';
}
