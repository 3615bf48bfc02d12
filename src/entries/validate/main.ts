// The `live-blog-validate` command (package.json "bin"), built into dist-lib/ by
// vite.validate.config.ts: Node only, run on a producer's machine or in their CI.
import { prepareHtmlCheck } from './check-html';
import { runCli } from './cli';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  now: Date.now,
  htmlCheck: prepareHtmlCheck,
});
