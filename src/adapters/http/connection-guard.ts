/**
 * @module The HTTP server behind the app, guarded against clients that hold connections open (slowloris): tight
 * header and request timeouts, keep-alive limits, and caps on connections in all and per client address. A socket
 * past a cap never reaches the HTTP parser: it gets a 503 with Retry-After and is closed, so it cannot hang.
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionLimits {
  /** Most connections this process holds at once (0: no cap). */
  maxConnections: number;
  /** Most connections this process holds at once from one client address (0: no cap). */
  maxConnectionsPerAddress: number;
  /** A request whose headers have not all arrived after this long is answered 408 and closed. */
  headersTimeoutMs: number;
  /** A request (headers and body) not received in full after this long is answered 408 and closed. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this long. */
  keepAliveTimeoutMs: number;
  /** Requests served on one keep-alive connection before it is closed (0: no limit). */
  maxRequestsPerSocket: number;
}

/** Node's own values would let a half-open socket live 60 s (headers) to 300 s (body), uncapped; these are Dateline's defaults. */
export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  maxConnections: 10_000, maxConnectionsPerAddress: 256, headersTimeoutMs: 10_000, requestTimeoutMs: 120_000, keepAliveTimeoutMs: 5_000, maxRequestsPerSocket: 1_000,
};

export const REFUSED_RETRY_AFTER_SECONDS = 5;
const REFUSED_BODY = 'Too many connections; try again in a few seconds.\n';
const REFUSED_RESPONSE = [
  'HTTP/1.1 503 Service Unavailable', `Retry-After: ${REFUSED_RETRY_AFTER_SECONDS}`, 'Content-Type: text/plain; charset=utf-8',
  `Content-Length: ${Buffer.byteLength(REFUSED_BODY)}`, 'Cache-Control: no-store', 'Connection: close', '', REFUSED_BODY,
].join('\r\n');
/** A refused socket is read (and its bytes dropped) this long at most, so the client gets the 503 rather than a reset. */
const REFUSED_LINGER_MS = 2_000;
const LOG_EVERY_MS = 10_000;

export interface ConnectionGuardLog {
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** One address, however the socket names it: `::ffff:203.0.113.9` is `203.0.113.9`. */
export function clientAddressOf(socket: Pick<Socket, 'remoteAddress'>): string {
  const address = socket.remoteAddress ?? 'unknown';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

function refuse(socket: Socket): void {
  socket.on('error', () => undefined);
  // Reading on (and dropping) what the client sends lets our FIN arrive before any reset, so it sees the 503.
  socket.resume();
  socket.end(REFUSED_RESPONSE);
  socket.once('end', () => socket.destroy());
  const linger = setTimeout(() => socket.destroy(), REFUSED_LINGER_MS);
  linger.unref();
  socket.once('close', () => clearTimeout(linger));
}

/** Counts open connections in all and per address; `admit` says whether one more may be served. */
export function createConnectionCounter(limits: Pick<ConnectionLimits, 'maxConnections' | 'maxConnectionsPerAddress'>) {
  const perAddress = new Map<string, number>();
  let open = 0;
  return {
    admit(address: string): 'ok' | 'total' | 'address' {
      if (limits.maxConnections > 0 && open >= limits.maxConnections) return 'total';
      const fromAddress = perAddress.get(address) ?? 0;
      if (limits.maxConnectionsPerAddress > 0 && fromAddress >= limits.maxConnectionsPerAddress) return 'address';
      open++;
      perAddress.set(address, fromAddress + 1);
      return 'ok';
    },
    release(address: string): void {
      open--;
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
    },
    open: () => open,
    fromAddress: (address: string) => perAddress.get(address) ?? 0,
  };
}

/**
 * Creates the http.Server with the limits applied. The caps sit in front of Node's own 'connection' listener (the
 * HTTP parser); a full file table (EMFILE while accepting) is logged instead of ending the process.
 */
export function createGuardedServer(limits: ConnectionLimits, handler: RequestListener<typeof IncomingMessage, typeof ServerResponse>, log?: ConnectionGuardLog): Server {
  const server = createServer({
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    // Node checks both timeouts on this interval (default 30 s): check often enough that they hold.
    connectionsCheckingInterval: Math.max(25, Math.min(1_000, Math.floor(limits.headersTimeoutMs / 4))),
  }, handler);
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxRequestsPerSocket = limits.maxRequestsPerSocket > 0 ? limits.maxRequestsPerSocket : null;

  const counter = createConnectionCounter(limits);
  const refused = { total: 0, address: 0, loggedAt: -Infinity };
  const parse = server.listeners('connection') as ((socket: Socket) => void)[];
  server.removeAllListeners('connection');
  server.on('connection', (socket: Socket) => {
    const address = clientAddressOf(socket);
    const verdict = counter.admit(address);
    if (verdict !== 'ok') {
      refused[verdict]++;
      if (log && performance.now() - refused.loggedAt >= LOG_EVERY_MS) {
        log.warn({ event: 'http.connections_refused', cap: verdict, address, refusedByTotalCap: refused.total, refusedByAddressCap: refused.address, open: counter.open() }, 'connection cap reached: answering 503');
        refused.loggedAt = performance.now();
        refused.total = 0;
        refused.address = 0;
      }
      refuse(socket);
      return;
    }
    socket.once('close', () => counter.release(address));
    for (const listener of parse) listener.call(server, socket);
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    // Errors while listening reach listen()'s caller; later ones are failed accepts (EMFILE/ENFILE when file descriptors run out).
    if (server.listening) log?.error({ err: error, event: 'http.accept_failed', code: error.code }, 'could not accept a connection');
  });
  return server;
}
