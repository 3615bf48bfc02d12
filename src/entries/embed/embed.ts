// dist/embed.js: one ES module that defines <live-blog>. Everything it needs (React, the styles)
// is inside; it adds no globals and touches nothing of the host page but its own elements.
import { defineLiveBlogElement } from '../../widget/live-blog-element';

// The chunks import this file by its bare address: under another one (a cache-busting query) it
// would be a second copy, whose React they do not share. The bare one defines the element.
const url = new URL(import.meta.url);
if (url.search || url.hash) void import(/* @vite-ignore */ url.origin + url.pathname);
else defineLiveBlogElement();
