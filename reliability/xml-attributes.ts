/**
 * Row (x): the NewsML-G2 document with 200,000 attributes on one element (2.2 MB) from the attack run. Timed in
 * this process through fast-xml-parser as the receiver used it before the limits (validate, then parse) and through
 * parseSafeXml now; then pushed to a running server, whose answer and time are recorded beside a real IPTC item's.
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseSafeXml } from '../src/adapters/wire/safe-xml.js';
import { freePort } from '../test/support/free-port.js';
import { ms, prepareSite, root, startServer, stopServer, type Row, type ScenarioContext } from './support.js';

function attributeBomb(attributes: number): string {
  const many = Array.from({ length: attributes }, (_, i) => ` a${i}="v"`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:reliability:bomb" version="1" standard="NewsML-G2" standardversion="2.29"><itemMeta><itemClass qcode="ninat:text"${many}/></itemMeta></newsItem>`;
}

function timed<T>(work: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = work();
  return { ms: performance.now() - t0, value };
}

export async function xmlAttributes(context: ScenarioContext): Promise<Row[]> {
  const scenario = '(x) XML attribute bomb';
  const doc = attributeBomb(200_000);
  const size = `${(Buffer.byteLength(doc) / 2 ** 20).toFixed(1)} MB`;
  const before = timed(() => {
    XMLValidator.validate(doc, { allowBooleanAttributes: true });
    return new XMLParser({ ignoreAttributes: false, processEntities: false, htmlEntities: false, removeNSPrefix: true, allowBooleanAttributes: true, parseTagValue: false, parseAttributeValue: false, trimValues: false }).parse(doc) as unknown;
  });
  const now = timed(() => parseSafeXml(doc));
  const dir = mkdtempSync(join(tmpdir(), 'dateline-reliability-xml-'));
  try {
    const site = { ...context.serverEnv, DATABASE_URL: `sqlite:${join(dir, 'dateline.db')}`, DATA_DIR: dir, MEDIA_DIR: join(dir, 'media') };
    const push = prepareSite(site);
    const server = await startServer('xml', await freePort(), site);
    const send = async (body: string) => {
      const t0 = performance.now();
      const res = await fetch(`${server.origin}/wire/push/${push.slug}`, { method: 'POST', headers: { authorization: `Bearer ${push.token}`, 'content-type': 'application/xml' }, body });
      const answer = (await res.json()) as { error?: { code: string; message: string } };
      return { ms: performance.now() - t0, status: res.status, text: answer.error ? `${answer.error.code}: ${answer.error.message}` : 'stored' };
    };
    const bomb = await send(doc);
    const real = await send(readFileSync(join(root, 'test/fixtures/wire/newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml'), 'utf8'));
    await stopServer(server);
    return [
      { scenario, figure: `parse ${size}, 200,000 attributes: before / now`, value: `${ms(before.ms)} / ${ms(now.ms)}`, note: `before: validate + parse with fast-xml-parser, no limits; now: ${now.value.ok ? 'parsed' : now.value.error}` },
      { scenario, figure: 'push of it to the server', value: `${bomb.status} in ${ms(bomb.ms)}`, note: bomb.text.slice(0, 150) },
      { scenario, figure: 'push of a real IPTC NewsML-G2 item', value: `${real.status} in ${ms(real.ms)}`, note: real.text.slice(0, 150) },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
