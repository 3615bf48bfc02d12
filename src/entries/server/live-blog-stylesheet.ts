// The stylesheet a server-rendered <live-blog> links to from its shadow root (the package ships
// it as live-blog.css): the element's own styles and those of the lazy parts a first screen can
// hold, which the browser adopts later, as each part's code arrives.
import embedCardCss from '../../capabilities/embeds/embed-card.css?inline';
import noMatchesCss from '../../capabilities/filters/no-matches.css?inline';
import mediaCss from '../../capabilities/timeline/update-media.css?inline';
import { WIDGET_CSS } from '../../widget/live-blog-element';

export const LIVE_BLOG_CSS = [WIDGET_CSS, mediaCss, noMatchesCss, embedCardCss].join('\n');
