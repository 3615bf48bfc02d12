// @ts-check
/**
 * Gzip sizes of what a reader downloads before the first update shows, the same way
 * scripts/check-bundle-size.mjs (the CI budget) counts them: the standalone page's module
 * scripts, preloads and styles referenced from index.html, and embed.js with its CSS.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUNDLE_BUDGET_BYTES = 120 * 1024;

/** @param {string} file */
function gz(file) {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

/**
 * @param {string} dist
 * @param {string} htmlName
 */
function referencedAssets(dist, htmlName) {
  const html = readFileSync(path.join(dist, htmlName), 'utf8');
  const refs = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+\.(?:js|css))"/g),
  ].map((m) => /** @type {string} */ (m[1]));
  return [...new Set(refs)]
    .filter((ref) => !/^[a-z]+:\/\//i.test(ref))
    .map((ref) => path.join(dist, ref.replace(/^\.?\//, '')));
}

/**
 * @param {string} dist
 * @returns {{ name: string, files: string[], gzipBytes: number, budgeted: boolean, ok: boolean }[]}
 */
export function bundleSizes(dist) {
  /** @type {{ name: string, files: string[] }[]} */
  const entries = [];
  entries.push({
    name: 'standalone page (initial JS + CSS)',
    files: referencedAssets(dist, 'index.html'),
  });
  if (existsSync(path.join(dist, 'embed.html'))) {
    entries.push({
      name: 'embed.html, the iframe page (initial JS + CSS)',
      files: referencedAssets(dist, 'embed.html'),
    });
  }
  const embed = path.join(dist, 'embed.js');
  if (existsSync(embed)) {
    const css = ['embed.css', 'assets/embed.css']
      .map((f) => path.join(dist, f))
      .filter((f) => existsSync(f));
    entries.push({ name: 'embed.js (styles inside) with any CSS file', files: [embed, ...css] });
  }
  const assets = path.join(dist, 'assets');
  const all = existsSync(assets)
    ? readdirSync(assets)
        .filter((f) => /\.(js|css)$/.test(f))
        .map((f) => path.join(assets, f))
    : [];
  const result = entries.map((e) => {
    const gzipBytes = e.files.reduce((sum, f) => sum + gz(f), 0);
    return {
      name: e.name,
      files: e.files.map((f) => path.relative(dist, f)),
      gzipBytes,
      budgeted: true,
      ok: gzipBytes <= BUNDLE_BUDGET_BYTES,
    };
  });
  // For information: everything in assets/, lazy chunks included (no budget).
  result.push({
    name: 'all JS + CSS in assets/ (lazy chunks too; no budget)',
    files: all.map((f) => path.relative(dist, f)),
    gzipBytes: all.reduce((sum, f) => sum + gz(f), 0),
    budgeted: false,
    ok: true,
  });
  return result;
}
