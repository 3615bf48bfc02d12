'use client';
// The client half of the Server Components entry: rendering it puts this module in the page's
// client bundle, which then defines <live-blog>. Imported lazily, because the element needs
// React DOM and hooks, which a server component's React does not have.
if (typeof customElements !== 'undefined') void import('./live-blog');

/** Renders nothing; its module defines <live-blog> in the browser. */
export function DefineLiveBlogElement(): null {
  return null;
}
