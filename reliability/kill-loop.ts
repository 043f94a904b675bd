/**
 * SIGKILL during publishes and pushes: a server is started, editors create and publish stories and an agency pushes
 * ninjs items at it, and after a random 0.3–1.5 s it is killed without warning; again and again. Every write the
 * server acknowledged (a 303 after create or publish, a 202 after a push) is noted, and looked for at the end.
 */
import { signInNewsroom, type DatelineProcess, type NewsroomClient } from '../test/support/dateline-cluster.js';
import { freePort } from '../test/support/free-port.js';
import { openStorage } from '../src/main/storage.js';
import { log, ninjsDocument, prepareSite, sleep, STAFF, startServer, type Site } from './support.js';

export interface Acknowledged {
  created: Set<string>;
  published: Set<string>;
  pushed: Set<string>;
}

export interface KillTally {
  kills: number;
  acknowledged: Acknowledged;
  /** From spawn to the first answer, per restart. */
  startupMs: number[];
  /** Answers that were neither an acknowledgement nor a broken connection (a 5xx while the server was up). */
  unexpected: string[];
}

export interface Load {
  stop(): Promise<void>;
}

/** Two editors' create → publish loops and two agency push loops, until stopped; only completed answers count. */
export function startLoad(server: DatelineProcess, client: NewsroomClient, push: { slug: string; token: string }, cycle: number, tally: KillTally): Load & { killing(): void } {
  let running = true;
  // Set just before the SIGKILL: a request failing after it is the crash, not a fault of the server.
  let killed = false;
  let n = 0;
  const publisher = async (worker: number) => {
    while (running) {
      const headline = `Reliability ${cycle}.${worker}.${n++} — عاجل 速報`;
      let id: string | null = null;
      try {
        id = await client.createArticle(server.origin, headline);
        tally.acknowledged.created.add(id);
        await client.act(server.origin, id, 'publish', { headline, dateline: 'SEOUL' });
        tally.acknowledged.published.add(id);
      } catch (error) {
        if (!killed) tally.unexpected.push(`publish ${id ?? '(create)'}: ${(error as Error).message.slice(0, 160)}`);
      }
    }
  };
  const pusher = async (worker: number) => {
    while (running) {
      const guid = `${cycle}-${worker}-${n++}-${Math.random().toString(36).slice(2, 8)}`;
      try {
        const res = await fetch(`${server.origin}/wire/push/${push.slug}`, {
          method: 'POST', headers: { authorization: `Bearer ${push.token}`, 'content-type': 'application/json' }, body: ninjsDocument(guid),
        });
        const answer = (await res.json()) as { itemIds?: string[] };
        if (res.status === 202) for (const itemId of answer.itemIds ?? []) tally.acknowledged.pushed.add(itemId);
        else if (!killed) tally.unexpected.push(`push ${guid}: ${res.status} ${JSON.stringify(answer).slice(0, 160)}`);
      } catch (error) {
        if (!killed) tally.unexpected.push(`push ${guid}: ${(error as Error).message.slice(0, 160)}`);
      }
    }
  };
  const workers = [publisher(1), publisher(2), pusher(1), pusher(2)];
  return {
    killing: () => {
      killed = true;
    },
    async stop() {
      running = false;
      await Promise.allSettled(workers);
    },
  };
}

export function newTally(): KillTally {
  return { kills: 0, startupMs: [], acknowledged: { created: new Set(), published: new Set(), pushed: new Set() }, unexpected: [] };
}

/** Kills the server `kills` times under load, restarting it each time. */
export async function killUnderLoad(site: Site, kills: number): Promise<KillTally> {
  const push = prepareSite(site);
  const port = await freePort();
  const tally = newTally();
  let client: NewsroomClient | null = null;
  for (let cycle = 0; cycle < kills; cycle++) {
    const t0 = performance.now();
    const server = await startServer(`kill-${cycle}`, port, site);
    tally.startupMs.push(performance.now() - t0);
    // Sessions live in the database: one sign-in serves every restart (and is itself an acknowledged write).
    client ??= await signInNewsroom(server.origin, STAFF.email, STAFF.password);
    const load = startLoad(server, client, push, cycle, tally);
    await sleep(300 + Math.random() * 1200);
    load.killing();
    await server.stop('SIGKILL');
    tally.kills += 1;
    await load.stop();
    if (cycle % 10 === 9) log(`    ${tally.kills} kills, ${tally.acknowledged.published.size} publishes and ${tally.acknowledged.pushed.size} pushes acknowledged`);
  }
  return tally;
}

export interface LossCount {
  createdLost: number;
  publishedLost: number;
  pushedLost: number;
}

/** Looks for every acknowledged write in the database: drafts exist, published stories are published, pushed items stored. */
export async function countLost(databaseUrl: string, acknowledged: Acknowledged): Promise<LossCount> {
  const storage = await openStorage(databaseUrl);
  try {
    const found = async <T>(ids: string[], query: (batch: string[]) => Promise<T[]>): Promise<T[]> => {
      const rows: T[] = [];
      for (let i = 0; i < ids.length; i += 500) rows.push(...(await query(ids.slice(i, i + 500))));
      return rows;
    };
    const articles = await found([...acknowledged.created], (batch) => storage.db.selectFrom('articles').select(['id', 'status']).where('id', 'in', batch).execute());
    const status = new Map(articles.map((a) => [a.id, a.status]));
    const items = await found([...acknowledged.pushed], (batch) => storage.db.selectFrom('wire_items').select('id').where('id', 'in', batch).execute());
    return {
      createdLost: [...acknowledged.created].filter((id) => !status.has(id)).length,
      publishedLost: [...acknowledged.published].filter((id) => status.get(id) !== 'published').length,
      pushedLost: acknowledged.pushed.size - items.length,
    };
  } finally {
    await storage.close();
  }
}
