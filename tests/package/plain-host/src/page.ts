// A newsroom page without React: the script embed from npm, typed, in plain TypeScript.
import 'live-blog/embed.js';
import 'live-blog/embed-frame.js';
import type { HTMLLiveBlogElement, LiveBlogElementAttributes } from 'live-blog/embed.js';

const widget: HTMLLiveBlogElement = document.createElement('live-blog');
const theme: LiveBlogElementAttributes['theme'] = 'dark';
widget.setAttribute('theme', theme);
document.body.append(widget);
