/**
 * The search flood, run as its own process so the article reader's latency is not the flooder's event loop:
 * `node --import tsx search-flooder.ts ORIGIN SECONDS CONNECTIONS` with the search paths as JSON on stdin.
 * Every query is different (a distinct `flood` parameter, so no cache answers it). Prints one JSON line at the end.
 */
import { Agent } from 'node:http';
import { text } from 'node:stream/consumers';
import { httpRequest } from './support.js';

const [origin, secondsArg, connectionsArg] = process.argv.slice(2);
const searches = JSON.parse(await text(process.stdin)) as string[];
const until = performance.now() + Number(secondsArg) * 1000;
const latencies: number[] = [];
const statuses: Record<string, number> = {};
let n = 0;

async function worker(w: number): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  while (performance.now() < until) {
    const i = n++;
    const t0 = performance.now();
    const url = `${origin}${searches[i % searches.length]}&page=1&flood=${i}`;
    const status = await httpRequest(url, { localAddress: `127.0.2.${1 + (w % 8)}`, agent, timeoutMs: 10_000 }).then((res) => String(res.status), (error: Error) => error.message.slice(0, 30));
    if (status === '200') latencies.push(performance.now() - t0);
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
  agent.destroy();
}

await Promise.all(Array.from({ length: Number(connectionsArg) }, (_, w) => worker(w)));
process.stdout.write(`${JSON.stringify({ latencies, statuses })}\n`);
process.exit(0);
