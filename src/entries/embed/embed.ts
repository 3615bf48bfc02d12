// dist/embed.js: one ES module that defines <live-blog>. Everything it needs (React, the styles)
// is inside; it adds no globals and touches nothing of the host page but its own elements.
import { defineLiveBlogElement } from '../../widget/live-blog-element';

defineLiveBlogElement();
