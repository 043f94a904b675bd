/** @module `dateline wire list|source add|source list|poll`: the wire queue, its sources and feed polling from the command line. */
import { parseArgs } from 'node:util';
import type { WireItemStatus } from '../core/wire/wire-store.js';
import type { WireServices } from '../core/wire/wire-desk.js';
import { withSite } from './command-site.js';
import { UsageError } from './usage-error.js';

export const WIRE_USAGE = `usage: dateline wire list [--json] [--limit N] [--status new|used|spiked]
       dateline wire source add --name NAME --kind feed|push [--url URL] [--every SECONDS] [--allow-private]
       dateline wire source list [--json]
       dateline wire poll [--once] [--json]`;

/** The wire desk as the server builds it (site-services.ts): what it announces reaches every process. */
async function withWire<T>(work: (wire: WireServices) => Promise<T>): Promise<T> {
  return withSite((site) => work(site.wire));
}

export async function wireCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'list') return listItems(rest);
  if (sub === 'source' && rest[0] === 'add') return addSource(rest.slice(1));
  if (sub === 'source' && rest[0] === 'list') return listSources(rest.slice(1));
  if (sub === 'poll') return poll(rest);
  throw new UsageError(`unknown wire command${sub ? ` "${[sub, ...rest.slice(0, 1)].join(' ')}"` : ''}\n${WIRE_USAGE}`);
}

async function listItems(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false }, limit: { type: 'string', default: '50' }, status: { type: 'string' } } });
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError('--limit must be a whole number from 1 to 500');
  if (values.status !== undefined && !['new', 'used', 'spiked'].includes(values.status)) throw new UsageError('--status must be new, used or spiked');
  const entries = await withWire((wire) => wire.ingest.list({ limit, ...(values.status ? { status: values.status as WireItemStatus } : {}) }));
  if (values.json) {
    console.log(JSON.stringify(entries.map((e) => ({
      id: e.id, agency: e.agency, agencyId: e.agencyId, version: e.version, headline: e.headline, dateline: e.dateline,
      receivedAt: e.receivedAt.toISOString(), clusterId: e.clusterId, status: e.status,
    }))));
  } else {
    for (const e of entries) {
      console.log([e.id, e.agency ?? '-', e.agencyId, `v${e.version}`, e.headline, e.dateline ?? '-', e.receivedAt.toISOString(), e.clusterId, e.status].join('\t'));
    }
  }
  return 0;
}

async function addSource(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { name: { type: 'string' }, kind: { type: 'string' }, url: { type: 'string' }, every: { type: 'string' }, 'allow-private': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
  });
  if (!values.name) throw new UsageError(`--name is required\n${WIRE_USAGE}`);
  if (values.kind !== 'feed' && values.kind !== 'push') throw new UsageError('--kind must be feed or push');
  const every = values.every === undefined ? undefined : Number(values.every);
  if (every !== undefined && !(Number.isInteger(every) && every > 0)) throw new UsageError('--every must be a whole number of seconds');
  const added = await withWire((wire) => wire.sources.add({
    name: values.name!, kind: values.kind as 'feed' | 'push', url: values.url ?? null, allowPrivate: values['allow-private'] ?? false,
    ...(every !== undefined ? { everySeconds: every } : {}),
  }));
  if (!added.ok) throw new UsageError(`cannot add the source: ${added.reason}`);
  const { source, pushToken } = added.value;
  if (values.json) {
    console.log(JSON.stringify({ id: source.id, slug: source.slug, kind: source.kind, pushToken }));
  } else {
    console.log(`Added ${source.kind} source "${source.name}" (${source.slug}).`);
    if (pushToken) console.log(`Push URL: POST /wire/push/${source.slug}\nBearer token (shown once, store it now): ${pushToken}`);
  }
  return 0;
}

async function listSources(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false } } });
  const sources = await withWire((wire) => wire.sources.list());
  const rows = sources.map((s) => ({
    slug: s.slug, name: s.name, kind: s.kind, url: s.url, everySeconds: s.everySeconds, allowPrivate: s.allowPrivate,
    lastPolledAt: s.lastPolledAt?.toISOString() ?? null, nextPollAt: s.nextPollAt?.toISOString() ?? null, failures: s.failures, lastError: s.lastError,
  }));
  if (values.json) console.log(JSON.stringify(rows));
  else for (const r of rows) console.log([r.slug, r.kind, r.url ?? '-', `every ${r.everySeconds}s`, `next ${r.nextPollAt ?? 'now'}`, `failures ${r.failures}`, r.lastError ?? ''].join('\t'));
  return 0;
}

async function poll(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { once: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } } });
  return withWire(async (wire) => {
    let failed = false;
    const round = async () => {
      const results = await wire.poller.pollDue();
      failed = results.some((r) => r.status === 'error');
      if (values.json) console.log(JSON.stringify(results));
      else for (const r of results) console.log(`${r.source}: ${r.status}${r.error ? ` (${r.error})` : ''}, ${r.ingested} new, ${r.updated} updated, ${r.duplicates} already present, ${r.failed} failed`);
    };
    await round();
    if (values.once) return failed ? 1 : 0;
    // Until interrupted: a round every 10 s polls whatever has become due.
    let stop = false;
    const onSignal = () => { stop = true; };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    while (!stop) {
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      if (!stop) await round();
    }
    return 0;
  });
}
