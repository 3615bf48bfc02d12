// The stylesheet a server-rendered <live-blog> links to from its shadow root (the package ships
// it as live-blog.css): the element's own styles and those of the lazy parts a first screen can
// hold, which the browser adopts later, as each part's code arrives.
import { WIDGET_CSS } from '../../widget/live-blog-element';
import { renderedHtmlStyles } from './rendered-html-styles';

export const LIVE_BLOG_CSS = [WIDGET_CSS, renderedHtmlStyles].join('\n');
