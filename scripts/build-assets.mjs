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
  await build({
    entryPoints: [join(source, 'client/site-client.ts')],
    outfile: join(out, 'site.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    legalComments: 'none',
    logLevel: 'warning',
  });
  for (const css of ['site.css', 'print.css', 'icon.svg']) copyFileSync(join(source, css), join(out, css));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildAssets();
