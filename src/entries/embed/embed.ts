// dist/embed.js: one ES module that defines <live-blog>. Everything it needs (React, the styles)
// is inside; it adds no globals and touches nothing of the host page but its own elements.
import { defineLiveBlogElement } from '../../widget/live-blog-element';
// Used by two lazy chunks (the chart, no-matches). Here it is in embed.js, as the page build has it
// in its main chunk: a chunk then has nothing to preload, and embed.js no preload helper
// (tooling/import-without-preload.mjs).
import '../../shared/i18n/fill-message';

// The chunks import this file by its bare address: under another one (a cache-busting query) it
// would be a second copy, whose React they do not share. The bare one defines the element.
const url = new URL(import.meta.url);
if (url.search || url.hash) void import(/* @vite-ignore */ url.origin + url.pathname);
else defineLiveBlogElement();
