// Bundle budget, enforced in CI: what a reader downloads before the first update shows must not
// creep. Reads the built files (run after `npm run build`) and gzips them as a CDN would; the
// counting is bench/bundle.mjs's, so that the benchmark's table and CI agree.
import { BUNDLE_BUDGET_BYTES, bundleSizes } from '../tooling/bundle-sizes.mjs';

const dist = process.argv[2] ?? 'dist';

let failed = false;
for (const entry of bundleSizes(dist).filter((e) => e.budgeted)) {
  failed ||= !entry.ok;
  console.log(
    `${entry.ok ? 'ok  ' : 'OVER'} ${entry.name}: ${(entry.gzipBytes / 1024).toFixed(1)} KB gzip (budget ${BUNDLE_BUDGET_BYTES / 1024} KB) — ${entry.files.join(', ')}`,
  );
}
// A host adds embed.js alone: a chunk it imports statically is one more round trip before the
// widget can start (the bundler can split React or the catalogue out of it, docs/decisions/0012).
const embed = bundleSizes(dist).find((e) => e.name.startsWith('embed.js'));
const imported = embed?.files.filter((f) => f.endsWith('.js') && f !== 'embed.js') ?? [];
if (imported.length > 0) {
  failed = true;
  console.log(`SPLIT embed.js imports ${imported.join(', ')} before it runs: it must be one file`);
}
if (failed) {
  console.error('Bundle size budget exceeded, or embed.js split.');
  process.exit(1);
}
