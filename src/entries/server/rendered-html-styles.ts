import cardCss from '../../capabilities/embeds/embed-card.css?inline';
import noMatchesCss from '../../capabilities/filters/no-matches.css?inline';
import floatingCss from '../../capabilities/live/last-visit-floating.css?inline';
import statusCss from '../../capabilities/live/status-line-server.css?inline';
import mediaCss from '../../capabilities/timeline/update-media.css?inline';
import timeCss from '../../capabilities/timeline/update-time-without-script.css?inline';
import buttonsCss from '../../widget/buttons-without-script.css?inline';

/**
 * Styles that server HTML needs beyond the page's own: those that lazy chunks bring with them in
 * the browser (media, embed cards, no matches), since the HTML already holds what they style, and
 * those only server HTML can need (read without JavaScript, and its words for such a reader kept
 * from the others; the last visit floating over updates that were there first). Served as a
 * stylesheet of their own (server/server-render.mjs), so the page is styled before any script
 * runs, or without one; pages the browser renders never load it.
 */
export const renderedHtmlStyles = [
  mediaCss,
  cardCss,
  noMatchesCss,
  floatingCss,
  statusCss,
  timeCss,
  buttonsCss,
].join('\n');
