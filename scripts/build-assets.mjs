/** Builds the reader site's browser assets (into dist/assets unless told otherwise): the bundled client script, the stylesheets and the Arabic typeface. */
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'src/adapters/http/assets');

/** Noto Naskh Arabic (docs/decisions/0004-arabic-typeface.md): fontsource's Arabic-subset woff2 files under the names site.css uses. */
const naskh = dirname(createRequire(import.meta.url).resolve('@fontsource/noto-naskh-arabic/package.json'));
const FONT_FILES = [
  ['files/noto-naskh-arabic-arabic-400-normal.woff2', 'noto-naskh-arabic-400.woff2'],
  ['files/noto-naskh-arabic-arabic-700-normal.woff2', 'noto-naskh-arabic-700.woff2'],
  // The SIL Open Font License travels with the font files.
  ['LICENSE', 'noto-naskh-arabic-OFL.txt'],
];

/** Into `out`: scripts/build.mjs passes its new build's folder; the test setup uses the current build's. */
export async function buildAssets(out = join(root, 'dist/assets')) {
  mkdirSync(out, { recursive: true });
  const bundles = [
    ['client/site-client.ts', 'site.js'],
    ['client/newsroom-editor.ts', 'newsroom.js'],
    // Served at /sw.js (not hashed: a service worker's URL is its identity), see static-assets.ts.
    ['client/service-worker.ts', 'sw.js'],
  ];
  for (const [entry, name] of bundles) {
    await build({
      entryPoints: [join(source, entry)],
      outfile: join(out, name),
      bundle: true,
      minify: true,
      format: 'iife',
      target: ['es2020'],
      legalComments: 'none',
      logLevel: 'warning',
    });
  }
  for (const css of ['site.css', 'print.css', 'newsroom.css', 'icon.svg']) copyFileSync(join(source, css), join(out, css));
  for (const [from, to] of FONT_FILES) copyFileSync(join(naskh, from), join(out, to));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildAssets();
