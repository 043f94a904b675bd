/** One figure at a time: warm-up, repeated load runs, the median run reported with its ratio to the reference. */
import { makePage } from '../src/adapters/http/page-cache.js';
import { encoded } from '../src/adapters/http/send-page.js';
import { READER_USER_AGENT, runLoad, type LoadResult } from './load.js';
import { nginxAvailable, startNginx, type StaticFile } from './nginx-reference.js';
import type { Figure } from './report.js';

export interface MeasureSettings {
  seconds: number;
  warmupSeconds: number;
  repeats: number;
  connections: number;
}

const ENCODINGS: Record<string, string> = { br: 'gzip, deflate, br', gzip: 'gzip', identity: '' };

export function createMeasurer(options: { settings: MeasureSettings; loadCpu: string; log: (line: string) => void }) {
  const { settings } = options;

  async function median(origin: string, paths: string[], encoding: string, connections: number): Promise<LoadResult> {
    const base = { origin, paths, connections, acceptEncoding: ENCODINGS[encoding] ?? encoding, cpus: options.loadCpu, userAgent: READER_USER_AGENT };
    await runLoad({ ...base, seconds: settings.warmupSeconds });
    const runs: LoadResult[] = [];
    for (let i = 0; i < settings.repeats; i++) runs.push(await runLoad({ ...base, seconds: settings.seconds }));
    runs.sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
    return runs[Math.floor(runs.length / 2)]!;
  }

  /** `latency` runs use one connection, so p50/p99 are the time to render one page, not time spent queueing behind others. */
  async function throughput(name: string, origin: string, paths: string[], reference: number | null, encoding = 'br', latency = false): Promise<Figure> {
    const connections = latency ? 1 : settings.connections;
    const run = await median(origin, paths, encoding, connections);
    const failures = run.errors + run.non2xx;
    options.log(`  ${name}: ${run.requestsPerSecond.toFixed(0)} req/s, p50 ${run.p50Ms.toFixed(2)} ms, p99 ${run.p99Ms.toFixed(2)} ms${failures ? `, ${failures} failed` : ''}`);
    return {
      name, value: run.requestsPerSecond, unit: 'req/s', connections, p50: run.p50Ms, p95: run.p95Ms, p99: run.p99Ms,
      reference, ratio: reference ? run.requestsPerSecond / reference : null, ...(failures ? { failures } : {}),
    };
  }

  /** nginx serving the same bytes, measured the same way; null when nginx is not installed. */
  async function reference(dir: string, files: StaticFile[], path: string, port: number, cpus: string): Promise<{ figure: Figure; requestsPerSecond: number } | null> {
    if (!nginxAvailable()) {
      options.log('  nginx is not installed: no reference figure');
      return null;
    }
    const nginx = await startNginx(dir, port, files, cpus);
    try {
      const figure = await throughput('reference: nginx static, same article bytes (br)', nginx.origin, [path], null);
      return { figure: { ...figure, ratio: 1, reference: figure.value }, requestsPerSecond: figure.value };
    } finally {
      await nginx.stop();
    }
  }

  return { throughput, reference };
}

/** The page's bytes and the compressed forms Dateline sends, made by Dateline's own encoder. */
export async function fetchStatic(origin: string, path: string): Promise<StaticFile> {
  const identity = Buffer.from(await (await fetch(origin + path, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer());
  const page = makePage({ contentType: 'text/html; charset=utf-8', body: identity });
  return {
    path, identity,
    gzip: encoded(page, 'gzip'),
    br: encoded(page, 'br'),
  };
}

/** Bytes on the wire for the page and its CSS and JS with brotli (fetch decompresses, so sizes come from content-length). */
export async function transferSize(name: string, origin: string, path: string): Promise<Figure> {
  const sizeOf = async (p: string) => {
    const { request } = await import('node:http');
    return new Promise<number>((resolve, reject) => {
      request(origin + p, { headers: { 'accept-encoding': 'br' } }, (res) => {
        let bytes = 0;
        res.on('data', (d: Buffer) => (bytes += d.length));
        res.on('end', () => resolve(bytes));
      }).on('error', reject).end();
    });
  };
  const html = await (await fetch(origin + path)).text();
  const assets = [...html.matchAll(/(?:href|src)="(\/assets\/site\.[\w-]+\.(?:css|js))"/g)].map((m) => m[1]!);
  const sizes = await Promise.all([path, ...assets].map(sizeOf));
  const total = sizes.reduce((a, b) => a + b, 0);
  return { name, value: total / 1024, unit: 'KB', detail: `HTML ${sizes[0]} B + assets ${sizes.slice(1).join(' + ')} B` };
}
