// Bundle budget, enforced in CI: what a reader downloads before the first update shows must not
// creep. Reads the built files (run after `npm run build`) and gzips them as a CDN would.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const BUDGET_BYTES = 120 * 1024;

function gz(file) {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

/** The JS and CSS the standalone page loads up front: index.html's module scripts, preloads and styles. */
function initialAssets(htmlFile) {
  const html = readFileSync(htmlFile, 'utf8');
  const refs = [
    ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+\.(?:js|css))"/g),
  ].map((m) => m[1]);
  return [...new Set(refs)].map((ref) => path.join(dist, ref.replace(/^\.?\//, '')));
}

const entries = [];
entries.push({
  name: 'standalone page (initial JS + CSS)',
  files: initialAssets(path.join(dist, 'index.html')),
});
if (existsSync(path.join(dist, 'embed.html'))) {
  entries.push({
    name: 'iframe page embed.html (initial JS + CSS)',
    files: initialAssets(path.join(dist, 'embed.html')),
  });
}
if (existsSync(path.join(dist, 'embed.js'))) {
  entries.push({ name: 'embed.js (styles inside)', files: [path.join(dist, 'embed.js')] });
}

let failed = false;
for (const entry of entries) {
  const bytes = entry.files.reduce((sum, f) => sum + gz(f), 0);
  const ok = bytes <= BUDGET_BYTES;
  failed ||= !ok;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${entry.name}: ${(bytes / 1024).toFixed(1)} KB gzip (budget ${BUDGET_BYTES / 1024} KB) — ${entry.files.map((f) => path.relative(dist, f)).join(', ')}`,
  );
}
if (failed) {
  console.error('Bundle size budget exceeded.');
  process.exit(1);
}
