// The package's type declarations: one self-contained .d.ts per entry point, so that they
// resolve under every moduleResolution a host may use (bundler, node16, nodenext) without
// relative imports, whose extensions the sources leave out (docs/decisions/0018).
// Run by `npm run build` after the bundles exist.
import { writeFileSync } from 'node:fs';
import dtsBundleGenerator from 'dts-bundle-generator';

// The React entry; the react-server one exports the same names, so one file types both.
const LIB_ENTRY = { from: 'src/entries/lib/live-blog.ts', to: 'dist-lib/live-blog.d.ts' };
// embed.js defines the element and exports nothing: its types are the element's. A program of
// its own: in the React entry's, the bundler copies <live-blog>'s JSX declaration in too, and
// with it an import of React's types that a host without React cannot resolve.
const EMBED_ENTRY = {
  from: 'src/entries/common/live-blog-element-types.ts',
  to: 'dist/embed.d.ts',
};
// embed-frame.js only listens for the frames' messages: a module with nothing to import.
const EMPTY_MODULE = { to: 'dist/embed-frame.d.ts', text: 'export {};\n' };

// live-blog/server runs on Node: it is typed with the server's project, which has Node's types.
const SERVER_ENTRY = {
  from: 'src/entries/server/live-blog-server.ts',
  to: 'dist-lib/live-blog.server.d.ts',
};

const output = { inlineDeclareGlobals: true, inlineDeclareExternals: true, noBanner: true };
/**
 * @param {{ from: string, to: string }[]} entries
 * @param {string} config
 */
function writeTypes(entries, config) {
  const bundles = dtsBundleGenerator.generateDtsBundle(
    entries.map((entry) => ({ filePath: entry.from, output })),
    { preferredConfigPath: config },
  );
  entries.forEach((entry, i) => {
    writeFileSync(entry.to, bundles[i] ?? '');
    console.log(`types: ${entry.to}`);
  });
}
writeTypes([LIB_ENTRY], 'tsconfig.lib.json');
writeTypes([EMBED_ENTRY], 'tooling/package/tsconfig.embed-types.json');
writeTypes([SERVER_ENTRY], 'tsconfig.server.json');
writeFileSync(EMPTY_MODULE.to, EMPTY_MODULE.text);
