// A newsroom page without React: the script embed from npm, typed, in plain TypeScript.
import 'live-blog/embed.js';
import 'live-blog/embed-frame.js';
import type { HTMLLiveBlogElement, LiveBlogElementAttributes } from 'live-blog/embed.js';

const widget: HTMLLiveBlogElement = document.createElement('live-blog');
const theme: LiveBlogElementAttributes['theme'] = 'dark';
widget.setAttribute('theme', theme);
// The settings as properties, as a framework's binding sets them.
widget.feed = '/feeds/vilnius-2023.json';
widget.keyEvents = null;
widget.embedsConsent = undefined;
const feed: string | null | undefined = widget.feed;
// @ts-expect-error a dashed attribute's property is camelCase
widget.syncurl = '';
document.body.append(widget);
void feed;
