#!/usr/bin/env node
// @ts-check
// CLI: node scripts/generate-feed.mjs --items 10000 --days 5 --out dir [--single] …
// The generator itself is tooling/synthetic-feed.mjs (the benchmark and the tests use it too).
import { main } from '../tooling/synthetic-feed.mjs';

try {
  main(process.argv.slice(2));
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
