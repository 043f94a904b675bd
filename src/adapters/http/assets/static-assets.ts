/** @module The site's CSS and JS: read once, named by content hash, served immutable and precompressed. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AssetUrls } from '../site/site-context.js';
import { makePage, type Page } from '../page-cache.js';

const FILES = [
  { key: 'css', name: 'site.css', type: 'text/css; charset=utf-8' },
  { key: 'printCss', name: 'print.css', type: 'text/css; charset=utf-8' },
  { key: 'js', name: 'site.js', type: 'text/javascript; charset=utf-8' },
  { key: 'icon', name: 'icon.svg', type: 'image/svg+xml' },
  { key: 'newsroomJs', name: 'newsroom.js', type: 'text/javascript; charset=utf-8' },
  { key: 'newsroomCss', name: 'newsroom.css', type: 'text/css; charset=utf-8' },
] as const;

export interface StaticAssets {
  urls: AssetUrls;
  /** Pages by URL path. */
  byPath: Map<string, Page>;
}

/** The folder of built assets: dist/assets at the package root. */
export function defaultAssetsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return join(dir, 'dist', 'assets');
}

export function loadStaticAssets(dir: string): StaticAssets {
  const byPath = new Map<string, Page>();
  const urls: Partial<Record<keyof AssetUrls, string>> = {};
  for (const file of FILES) {
    const path = join(dir, file.name);
    if (!existsSync(path)) throw new Error(`missing built asset ${path}: run "npm run build"`);
    const body = readFileSync(path);
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 10);
    const url = `/assets/${file.name.replace(/\.(\w+)$/, `.${hash}.$1`)}`;
    urls[file.key] = url;
    byPath.set(url, makePage({ contentType: file.type, body, maxAge: 31536000 }));
  }
  return { urls: urls as AssetUrls, byPath };
}
