/**
 * Without Redis no serving process hears a command's announcements, so `dateline import` purges the edge itself
 * (EDGE_PURGE_URL, as `dateline serve` does) with the imported story's keys, and exits once the purge is answered.
 * The edge here is a small HTTP server that records Varnish-style `PURGE /` requests.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surrogateKey } from '../../src/adapters/edge/surrogate-key.js';
import { runDateline } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'dateline-cli-purge-'));
const purges: { method: string; keys: string[] }[] = [];
let edge: Server;
let edgeUrl = '';

beforeAll(async () => {
  edge = createServer((req: IncomingMessage, res) => {
    purges.push({ method: req.method ?? '', keys: String(req.headers['xkey-purge'] ?? '').split(' ').filter(Boolean) });
    res.writeHead(200).end('purged');
  });
  await new Promise<void>((resolve) => edge.listen(0, '127.0.0.1', resolve));
  const address = edge.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  edgeUrl = `http://127.0.0.1:${address.port}/`;
});

afterAll(async () => {
  await new Promise((resolve) => edge.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('dateline import without Redis', { timeout: 60_000 }, () => {
  it('purges the imported story\'s keys at the edge itself before it exits', async () => {
    const headline = 'Ледоход 🚢 на реке: паромы стоят';
    writeFileSync(join(dir, 'capture.txt'), [headline, '', headline, 'A photo (Agency)', 'Short Url', 'Updated 5 min 3 sec ago', 'Follow', '', headline, '',
      headline, '  • The ferries wait', '', 'ARKHANGELSK: The ferries wait for the ice to pass.', ''].join('\n'));
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'site.db')}`, LOG_LEVEL: 'silent', EDGE_PURGE_URL: edgeUrl };
    delete env['REDIS_URL'];
    const run = await runDateline(['import', join(dir, 'capture.txt'), '--captured-at', '2025-01-17T15:00:00Z', '--section', 'Мир', '--json'], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ imported: 1 });
    // The purge was answered before the command exited: it is here already.
    expect(purges.map((p) => p.method)).toEqual(['PURGE']);
    const keys = purges[0]!.keys;
    expect(keys).toEqual(expect.arrayContaining([surrogateKey('section:мир'), 'home', 'feeds']));
    expect(keys).toContain(surrogateKey('article:ледоход-на-реке-паромы-стоят'));
  });
});
