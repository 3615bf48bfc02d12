// Type-checked only: the script embeds' entry points resolve to their types.
import type { HTMLLiveBlogElement } from 'live-blog/embed.js';
import type {} from 'live-blog/embed-frame.js';

export const created: HTMLLiveBlogElement = document.createElement('live-blog');
