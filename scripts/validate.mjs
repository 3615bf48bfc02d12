// `npm run validate -- <file-or-url>`: the live-blog-validate command as the package ships it,
// from this checkout's build (npm run build makes it).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist-lib/live-blog-validate.js', import.meta.url);
if (!existsSync(fileURLToPath(built))) {
  process.stderr.write(
    'live-blog-validate is not built yet: run `npm run build` first, then `npm run validate -- <file-or-url>`.\n',
  );
  process.exitCode = 2;
} else {
  // It reads process.argv as its own: the arguments after the script's path.
  await import(built.href);
}
