import cardCss from '../../capabilities/embeds/embed-card.css?inline';
import noMatchesCss from '../../capabilities/filters/no-matches.css?inline';
import mediaCss from '../../capabilities/timeline/update-media.css?inline';

/**
 * The styles that lazy chunks bring with them in the browser (media, embed cards, no matches),
 * for server HTML that already holds what they style: served as a stylesheet of its own, so the
 * page is styled before any script runs, or without one (server/server-render.mjs).
 */
export const chunkStyles = [mediaCss, cardCss, noMatchesCss].join('\n');
