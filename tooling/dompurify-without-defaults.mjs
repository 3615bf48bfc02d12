// @ts-check
// The browser builds' DOMPurify without its default allow-lists (docs/decisions/0054). DOMPurify
// ships the names of every HTML tag and every HTML, SVG and MathML attribute it would allow when
// a caller gives no allow-list of its own (and for its USE_PROFILES option). The sanitiser gives
// both lists (capabilities/timeline/sanitize-html.ts), so each first screen carried hundreds of
// names it never reads. This empties those lists. The tag lists that its namespace checks read
// (SVG and MathML elements, which make an element of that name foreign) stay whole.
//
// Fail-closed: a DOMPurify without these lists, given no allow-list, allows no element and no
// attribute, never more. And the build fails if a module passes DOMPurify USE_PROFILES, or
// imports it without naming both ALLOWED_TAGS and ALLOWED_ATTR.

const PURIFY = /[\\/]node_modules[\\/]dompurify[\\/]dist[\\/]purify\.es\.mjs$/;

/**
 * What is emptied: the top-level lists read only for the defaults and the profiles (`html$1`, the
 * HTML tags; `html`, `svg`, `mathMl`, `xml`, the attributes), and the two default sets made of them.
 */
export const EMPTIED = [
  /^const (html\$1|html|svg|mathMl|xml) = freeze\(\[\n[^\]]*\]\);$/gm,
  /^\tconst (DEFAULT_ALLOWED_TAGS|DEFAULT_ALLOWED_ATTR) = addToSet\(\{\}, \[\n[^\]]*\]\);$/gm,
];
const EXPECTED = [
  'html$1',
  'html',
  'svg',
  'mathMl',
  'xml',
  'DEFAULT_ALLOWED_TAGS',
  'DEFAULT_ALLOWED_ATTR',
];

/**
 * DOMPurify's source with the lists of its defaults empty, or undefined where the installed file
 * does not have each of them once, as written here (the file is then left whole).
 * @param {string} code
 */
export function withoutDefaults(code) {
  /** @type {string[]} */
  const found = [];
  let out = code;
  for (const pattern of EMPTIED) {
    out = out.replace(pattern, (whole, /** @type {string} */ name) => {
      found.push(name);
      return whole.startsWith('\t')
        ? `\tconst ${name} = addToSet({}, []);`
        : `const ${name} = freeze([]);`;
    });
  }
  const same = found.length === EXPECTED.length && EXPECTED.every((name) => found.includes(name));
  return same ? out : undefined;
}

const IMPORTS_PURIFY = /\bfrom\s*["']dompurify["']|\bimport\(\s*["']dompurify["']\s*\)/;

/** @returns {import('vite').Plugin} */
export function dompurifyWithoutDefaults() {
  return {
    name: 'live-blog:dompurify-without-defaults',
    apply: 'build',
    transform(code, id) {
      if (PURIFY.test(id)) {
        const trimmed = withoutDefaults(code);
        if (trimmed === undefined) {
          this.warn(
            `${id}: its default lists are not where tooling/dompurify-without-defaults.mjs looks: left whole`,
          );
          return null;
        }
        return { code: trimmed, map: null };
      }
      if (id.includes('node_modules')) return null;
      const uses = IMPORTS_PURIFY.test(code);
      if (uses && !(/\bALLOWED_TAGS\b/.test(code) && /\bALLOWED_ATTR\b/.test(code))) {
        this.error(
          `${id} imports DOMPurify without ALLOWED_TAGS and ALLOWED_ATTR: this build's DOMPurify has no default lists and would allow nothing (tooling/dompurify-without-defaults.mjs, docs/decisions/0054)`,
        );
      }
      if (/\bUSE_PROFILES\b/.test(code)) {
        this.error(
          `${id} sets DOMPurify's USE_PROFILES: this build's DOMPurify has no profiles' lists (tooling/dompurify-without-defaults.mjs, docs/decisions/0054)`,
        );
      }
      return null;
    },
  };
}
