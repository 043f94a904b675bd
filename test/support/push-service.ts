/** @module A real RFC 8030 push service on loopback: checks VAPID (RFC 8292), decrypts aes128gcm (RFC 8291) and records each push. */
import { createECDH, createDecipheriv, createPublicKey, hkdfSync, randomBytes, randomUUID, verify, type ECDH } from 'node:crypto';
import { execFile } from 'node:child_process';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Agent, createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { promisify } from 'node:util';
import { createCountWaiters } from './count-waiters.js';

/** What a browser hands the site after `pushManager.subscribe()`, keys in base64url. */
export interface BrowserPushSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface ReceivedPush {
  subscriptionId: string;
  endpoint: string;
  /** The decrypted body, UTF-8. */
  payload: string;
  /** Request headers, names lower case (ttl, urgency, topic, content-encoding, authorization…). */
  headers: Record<string, string>;
}

export interface PushServiceOptions {
  /** 'all' (default) keeps every push; 'count' decrypts and checks each but keeps only counts and the last. */
  keep?: 'all' | 'count';
  /** Answer the first N otherwise valid pushes 429 with Retry-After, so senders can test back-off. */
  failFirst?: number;
}

export interface PushService {
  origin: string;
  /** Trusts this service's throwaway certificate: pass as web-push's `agent`, which always speaks TLS (see below). */
  agent: Agent;
  /** The certificate (PEM), for a sender in another process (NODE_EXTRA_CA_CERTS). */
  cert: string;
  /** A new subscription; with applicationServerKey it is restricted to that VAPID key (403 for any other). */
  createPushSubscription(options?: { applicationServerKey?: string }): BrowserPushSubscription;
  received: ReceivedPush[];
  readonly count: number;
  readonly last: ReceivedPush | null;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedPush[]>;
  /** From now on the endpoint answers 410 Gone, as after the reader revoked permission. */
  markGone(endpoint: string): void;
  close(): Promise<void>;
}

interface Subscription { id: string; ecdh: ECDH; publicKey: Buffer; auth: Buffer; serverKey: string | null; gone: boolean }

const b64url = (data: Buffer) => data.toString('base64url');
const MAX_BODY = 4096; // what real services accept (RFC 8030 §7.2 asks for at least 4096 octets)

/** RFC 8291 §3.4 + RFC 8188 §2: derive the content key from the ECDH secret and auth secret, then open every record. */
export function decryptAes128gcm(body: Buffer, ecdh: ECDH, uaPublic: Buffer, auth: Buffer): Buffer {
  const idlen = body[20] ?? 0;
  if (body.length < 21 + idlen || idlen !== 65) throw new Error('bad aes128gcm header');
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const asPublic = body.subarray(21, 21 + idlen); // the keyid carries the sender's ephemeral key
  if (rs < 18) throw new Error('record size too small');
  const info = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', ecdh.computeSecret(asPublic), auth, info, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, 'Content-Encoding: aes128gcm\0', 16));
  const nonceBase = Buffer.from(hkdfSync('sha256', ikm, salt, 'Content-Encoding: nonce\0', 12));
  const data = body.subarray(21 + idlen);
  const parts: Buffer[] = [];
  for (let offset = 0, seq = 0; offset < data.length; offset += rs, seq++) {
    const record = data.subarray(offset, offset + rs);
    const isLast = offset + rs >= data.length;
    const nonce = Buffer.from(nonceBase);
    nonce.writeUInt32BE((nonceBase.readUInt32BE(8) ^ seq) >>> 0, 8);
    const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
    decipher.setAuthTag(record.subarray(record.length - 16));
    const plain = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
    let end = plain.length - 1;
    while (end >= 0 && plain[end] === 0) end--; // padding zeros, then the delimiter: 2 on the last record, 1 before
    if (plain[end] !== (isLast ? 2 : 1)) throw new Error('bad padding delimiter');
    parts.push(plain.subarray(0, end));
  }
  return Buffer.concat(parts);
}

/** RFC 8292: `vapid t=<ES256 JWT>, k=<P-256 public key>`; the JWT must be signed by k, aimed at this origin, unexpired. */
export function checkVapid(authorization: string | undefined, origin: string, nowSeconds: number): { key: string; exp: number } | { status: 401 | 403; reason: string } {
  const scheme = /^vapid\s+(.*)$/i.exec(authorization ?? '');
  if (!scheme?.[1]) return { status: 401, reason: 'missing vapid authorization' };
  const params = Object.fromEntries(scheme[1].split(',').map((part) => part.trim().split('=', 2) as [string, string]));
  const [head, claims, signature] = String(params.t).split('.');
  const key = Buffer.from(String(params.k), 'base64url');
  if (!head || !claims || !signature || key.length !== 65 || key[0] !== 4) return { status: 403, reason: 'malformed vapid token or key' };
  try {
    const jwk = { kty: 'EC', crv: 'P-256', x: b64url(key.subarray(1, 33)), y: b64url(key.subarray(33)) };
    const signed = verify('sha256', Buffer.from(`${head}.${claims}`), { key: createPublicKey({ key: jwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
    if (!signed || JSON.parse(Buffer.from(head, 'base64url').toString()).alg !== 'ES256') return { status: 403, reason: 'bad vapid signature' };
    const { aud, exp, sub } = JSON.parse(Buffer.from(claims, 'base64url').toString()) as { aud?: string; exp?: number; sub?: string };
    if (aud !== origin) return { status: 403, reason: `vapid aud ${aud} is not ${origin}` };
    if (typeof exp !== 'number' || exp <= nowSeconds || exp > nowSeconds + 86_400) return { status: 403, reason: 'vapid exp outside the next 24 hours' };
    if (!/^(mailto:|https:)/.test(sub ?? '')) return { status: 403, reason: 'vapid sub is neither mailto: nor https:' };
    return { key: String(params.k), exp };
  } catch {
    return { status: 403, reason: 'unreadable vapid token or key' };
  }
}

/** Checks the RFC 8030 headers; the reason for a 400/415, or null when they are fine. */
function headerProblem(headers: Record<string, string>): { status: 400 | 415; reason: string } | null {
  if (!/^\d+$/.test(headers.ttl ?? '')) return { status: 400, reason: 'TTL header missing or not a number' };
  if (headers['content-encoding'] !== 'aes128gcm') return { status: 415, reason: 'Content-Encoding must be aes128gcm' };
  if (headers.urgency !== undefined && !['very-low', 'low', 'normal', 'high'].includes(headers.urgency)) return { status: 400, reason: 'bad Urgency' };
  if (headers.topic !== undefined && !/^[A-Za-z0-9_-]{1,32}$/.test(headers.topic)) return { status: 400, reason: 'bad Topic' };
  return null;
}

/** A self-signed certificate for 127.0.0.1, made per service with the openssl CLI (node:crypto cannot issue one). */
async function makeCertificate(): Promise<{ key: string; cert: string }> {
  const { stdout } = await promisify(execFile)('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
    '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', '-', '-out', '-']);
  const key = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/.exec(stdout)?.[0];
  const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(stdout)?.[0];
  if (!key || !cert) throw new Error('openssl made no certificate');
  return { key, cert };
}

async function readBody(request: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function startPushService(options: PushServiceOptions = {}): Promise<PushService> {
  const keepAll = (options.keep ?? 'all') === 'all';
  const subscriptions = new Map<string, Subscription>();
  const received: ReceivedPush[] = [];
  const waiters = createCountWaiters('push service', 'pushes', () => count, () => received.slice());
  let count = 0;
  let refusalsLeft = options.failFirst ?? 0;
  let last: ReceivedPush | null = null;
  let origin = '';

  // Like real services, remember tokens already verified: a sender reusing its VAPID header (valid up to
  // 24 h) then costs no signature check, which matters in the benchmark. Expiry is still checked each time.
  const verifiedTokens = new Map<string, { key: string; exp: number }>();
  function checkVapidOnce(authorization: string, nowSeconds: number): ReturnType<typeof checkVapid> {
    const known = verifiedTokens.get(authorization);
    if (known && known.exp > nowSeconds) return known;
    const result = checkVapid(authorization, origin, nowSeconds);
    if (!('status' in result)) {
      if (verifiedTokens.size >= 1000) verifiedTokens.clear();
      verifiedTokens.set(authorization, result);
    }
    return result;
  }

  function answer(response: ServerResponse, status: number, reason = '', headers: Record<string, string> = {}): void {
    response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(reason);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const id = /^\/push\/([\w-]+)$/.exec(request.url ?? '')?.[1];
    const subscription = id ? subscriptions.get(id) : undefined;
    if (request.method !== 'POST') return answer(response, 405, 'POST only', { allow: 'POST' });
    if (!subscription) return answer(response, 404, 'no such subscription');
    if (subscription.gone) return answer(response, 410, 'subscription expired');
    // Node gives repeated headers as arrays; one comma-joined string per name is what the checks and tests want.
    const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
    const problem = headerProblem(headers);
    if (problem) return answer(response, problem.status, problem.reason);
    const vapid = checkVapidOnce(headers.authorization ?? '', Math.floor(Date.now() / 1000));
    if ('status' in vapid) return answer(response, vapid.status, vapid.reason);
    if (subscription.serverKey !== null && subscription.serverKey !== vapid.key) return answer(response, 403, 'not the applicationServerKey of this subscription');
    const body = await readBody(request);
    if (!body) return answer(response, 413, `body over ${MAX_BODY} bytes`);
    let payload: string;
    try {
      payload = decryptAes128gcm(body, subscription.ecdh, subscription.publicKey, subscription.auth).toString('utf8');
    } catch (error) {
      return answer(response, 400, `cannot decrypt: ${(error as Error).message}`);
    }
    if (refusalsLeft > 0) {
      refusalsLeft--;
      return answer(response, 429, 'too many requests', { 'retry-after': '1' });
    }
    last = { subscriptionId: subscription.id, endpoint: `${origin}/push/${subscription.id}`, payload, headers };
    if (keepAll) received.push(last);
    count++;
    waiters.wake();
    answer(response, 201, '', { location: `${origin}/message/${randomUUID()}`, ttl: headers.ttl ?? '0' });
  }

  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch((error: unknown) => answer(response, 500, String(error)));
  };
  // web-push always opens TLS (it calls https.request whatever the endpoint's scheme), fetch follows the scheme:
  // one port serves both, choosing by the first byte (22 opens a TLS handshake), so endpoints can stay http://.
  const { key, cert } = await makeCertificate();
  const plain = createHttpServer(onRequest);
  const secure = createHttpsServer({ key, cert }, onRequest);
  const sockets = new Set<Socket>();
  const front = createNetServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.once('data', (first) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === 22 ? secure : plain).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  await new Promise<void>((resolve, reject) => front.once('error', reject).listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
  const agent = new Agent({ ca: cert, keepAlive: true });

  return {
    origin, agent, cert, received,
    get count() { return count; },
    get last() { return last; },
    createPushSubscription(subscribeOptions = {}) {
      const ecdh = createECDH('prime256v1');
      const publicKey = ecdh.generateKeys();
      const subscription: Subscription = { id: randomUUID(), ecdh, publicKey, auth: randomBytes(16), serverKey: subscribeOptions.applicationServerKey ?? null, gone: false };
      subscriptions.set(subscription.id, subscription);
      return { endpoint: `${origin}/push/${subscription.id}`, keys: { p256dh: b64url(publicKey), auth: b64url(subscription.auth) } };
    },
    waitFor: (wanted, timeoutMs) => waiters.waitFor(wanted, timeoutMs),
    markGone(endpoint) {
      const subscription = subscriptions.get(endpoint.slice(endpoint.lastIndexOf('/') + 1));
      if (!subscription) throw new Error(`push service: no subscription ${endpoint}`);
      subscription.gone = true;
    },
    close() {
      agent.destroy();
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => front.close(() => resolve()));
    },
  };
}
