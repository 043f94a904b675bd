/** @module The site's CSS, JS and fonts: read once, named by content hash, served immutable and precompressed. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AssetUrls } from '../site/site-context.js';
import { makePage, type Page } from '../page-cache.js';

const CSS = 'text/css; charset=utf-8';

const FILES = [
  { key: 'css', name: 'site.css', type: CSS },
  { key: 'printCss', name: 'print.css', type: CSS },
  { key: 'js', name: 'site.js', type: 'text/javascript; charset=utf-8' },
  { key: 'icon', name: 'icon.svg', type: 'image/svg+xml' },
  { key: 'newsroomJs', name: 'newsroom.js', type: 'text/javascript; charset=utf-8' },
  { key: 'newsroomCss', name: 'newsroom.css', type: CSS },
] as const;

/** Files the stylesheets name in url(), copied in by scripts/build-assets.mjs; read before the stylesheets. */
const STYLESHEET_FILES = [
  { name: 'noto-naskh-arabic-400.woff2', type: 'font/woff2' },
  { name: 'noto-naskh-arabic-700.woff2', type: 'font/woff2' },
] as const;

const ONE_YEAR = 31536000;

export interface StaticAssets {
  urls: AssetUrls;
  /** Pages by URL path. */
  byPath: Map<string, Page>;
  /** The service worker, served at /sw.js (its URL fixes its scope and identity, so it is never hashed). */
  serviceWorker: Page;
}

/** Where the service worker names the site's icon; the icon's hashed URL takes its place. */
const SERVICE_WORKER_ICON = 'DATELINE_ICON_URL';

/** The folder of built assets: the running build's own (`<build>/assets`), else (run from src/) dist/assets at the package root. */
export function defaultAssetsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  // A build keeps this file at <build>/adapters/http/assets/: its assets match its code even after dist moved on.
  const own = join(dir, '..', '..', '..', 'assets');
  if (existsSync(join(own, 'site.css'))) return own;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return join(dir, 'dist', 'assets');
}

/**
 * Points each url("name") of a stylesheet at the hashed URL of the built file of that name, so the stylesheet's own
 * hash changes with any file it names. A name that is not a built file is an error, like a missing file.
 */
export function resolveStylesheetUrls(css: string, urlsByName: ReadonlyMap<string, string>, sheet: string): string {
  return css.replace(/url\(\s*(["']?)([^"')]*)\1\s*\)/g, (whole, _quote: string, name: string) => {
    if (name.startsWith('data:')) return whole;
    const url = urlsByName.get(name);
    if (!url) throw new Error(`${sheet} names url(${name}), which is not a built asset`);
    return `url("${url}")`;
  });
}

export function loadStaticAssets(dir: string): StaticAssets {
  const byPath = new Map<string, Page>();
  const serve = (name: string, type: string, body: Buffer): string => {
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 10);
    const url = `/assets/${name.replace(/\.(\w+)$/, `.${hash}.$1`)}`;
    byPath.set(url, makePage({ contentType: type, body, maxAge: ONE_YEAR }));
    return url;
  };
  const stylesheetUrls = new Map(STYLESHEET_FILES.map((file) => [file.name, serve(file.name, file.type, readBuilt(dir, file.name))]));
  const urls: Partial<Record<keyof AssetUrls, string>> = {};
  for (const file of FILES) {
    let body = readBuilt(dir, file.name);
    if (file.type === CSS) body = Buffer.from(resolveStylesheetUrls(body.toString('utf8'), stylesheetUrls, file.name), 'utf8');
    urls[file.key] = serve(file.name, file.type, body);
  }
  const worker = readBuilt(dir, 'sw.js').toString('utf8').split(SERVICE_WORKER_ICON).join(urls.icon ?? '');
  const serviceWorker = makePage({ contentType: 'text/javascript; charset=utf-8', body: worker, maxAge: 0 });
  return { urls: urls as AssetUrls, byPath, serviceWorker };
}

function readBuilt(dir: string, name: string): Buffer {
  const path = join(dir, name);
  if (!existsSync(path)) throw new Error(`missing built asset ${path}: run "npm run build"`);
  return readFileSync(path);
}
