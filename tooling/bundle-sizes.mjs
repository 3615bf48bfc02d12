// @ts-check
/**
 * Gzip sizes of what a reader downloads before the first update shows (the CI budget,
 * scripts/check-bundle-size.mjs, and the benchmark's table): the standalone page's scripts
 * (inline ones too), preloads and styles, and embed.js with its CSS.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUNDLE_BUDGET_BYTES = 120 * 1024;

/** @param {string | Buffer} content */
function gzSize(content) {
  return gzipSync(content, { level: 9 }).length;
}

/** @param {string} file */
function gz(file) {
  return gzSize(readFileSync(file));
}

/**
 * The files a page references, and the gzip bytes of its inline scripts.
 * @param {string} dist
 * @param {string} htmlName
 */
function pageAssets(dist, htmlName) {
  const html = readFileSync(path.join(dist, htmlName), 'utf8');
  const refs = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+\.(?:js|css))"/g),
  ].map((m) => /** @type {string} */ (m[1]));
  const inline = [...html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .map((m) => m[1] ?? '')
    .filter((code) => code.trim() !== '');
  return {
    files: [...new Set(refs)]
      .filter((ref) => !/^[a-z]+:\/\//i.test(ref))
      .map((ref) => path.join(dist, ref.replace(/^\.?\//, ''))),
    inlineBytes: inline.reduce((sum, code) => sum + gzSize(code), 0),
    inlineCount: inline.length,
  };
}

/**
 * A script and the files it imports statically, transitively: all of them are fetched before it
 * runs. (A chunk that embed.js imports outright is part of its first screen, not a lazy one.)
 * @param {string} file
 * @returns {string[]}
 */
function withStaticImports(file) {
  const seen = new Set([file]);
  for (const current of seen) {
    const code = readFileSync(current, 'utf8');
    for (const m of code.matchAll(
      /\b(?:import|export)\s*(?:[\w$*{},\s]*?from\s*)?["'](\.[^"']+)["']/g,
    )) {
      const target = path.join(path.dirname(current), /** @type {string} */ (m[1]));
      if (existsSync(target)) seen.add(target);
    }
  }
  return [...seen];
}

/**
 * @param {string} dist
 * @returns {{ name: string, files: string[], gzipBytes: number, budgeted: boolean, ok: boolean }[]}
 */
export function bundleSizes(dist) {
  /** @type {{ name: string, files: string[], inlineBytes?: number, inlineCount?: number }[]} */
  const entries = [];
  entries.push({ name: 'standalone page (initial JS + CSS)', ...pageAssets(dist, 'index.html') });
  if (existsSync(path.join(dist, 'embed.html'))) {
    entries.push({
      name: 'embed.html, the iframe page (initial JS + CSS)',
      ...pageAssets(dist, 'embed.html'),
    });
  }
  const embed = path.join(dist, 'embed.js');
  if (existsSync(embed)) {
    const css = ['embed.css', 'assets/embed.css']
      .map((f) => path.join(dist, f))
      .filter((f) => existsSync(f));
    entries.push({
      name: 'embed.js (styles inside) with any CSS file',
      files: [...withStaticImports(embed), ...css],
    });
  }
  const assets = path.join(dist, 'assets');
  const all = existsSync(assets)
    ? readdirSync(assets)
        .filter((f) => /\.(js|css)$/.test(f))
        .map((f) => path.join(assets, f))
    : [];
  const result = entries.map((e) => {
    const gzipBytes = e.files.reduce((sum, f) => sum + gz(f), e.inlineBytes ?? 0);
    const inline = e.inlineCount ? [`${e.inlineCount} inline script(s)`] : [];
    return {
      name: e.name,
      files: [...inline, ...e.files.map((f) => path.relative(dist, f))],
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
