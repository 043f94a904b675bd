/** Builds the reader site's browser assets into dist/assets: the bundled client script and the stylesheets. */
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'src/adapters/http/assets');
const out = join(root, 'dist/assets');

export async function buildAssets() {
  mkdirSync(out, { recursive: true });
  const bundles = [
    ['client/site-client.ts', 'site.js'],
    ['client/newsroom-editor.ts', 'newsroom.js'],
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
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildAssets();
