/**
 * @module Breaking-news subscriptions from the reader site: GET /push/key (the VAPID public key), POST and DELETE
 * /push/subscriptions (a browser's Web Push subscription with the topics it follows). JSON only, never cached.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isIP } from 'node:net';
import { z } from 'zod';
import { DomainError } from '../../../core/shared/domain-error.js';
import type { Clock } from '../../../core/shared/clock.js';
import type { EditionDirectory } from '../../../core/editions/edition-directory.js';
import type { LoginThrottle } from '../../../core/staff/staff-stores.js';
import type { PushSubscriptionService } from '../../../core/alerts/push-subscription-service.js';
import { createMemoryLoginThrottle, DEFAULT_THROTTLE_LIMITS, PUSH_WRITES_PER_WINDOW } from '../../auth/memory-login-throttle.js';
import { forbiddenAddressReason } from '../../wire/ssrf-guard.js';
import { isSameOrigin } from '../newsroom/session-guard.js';

export interface PushSiteDeps {
  subscriptions: PushSubscriptionService;
  /** The VAPID public key (base64url) browsers subscribe with. */
  vapidPublicKey: string;
  editions: EditionDirectory;
  clock: Clock;
  /** Requests per IP; one in this process's memory when absent (Redis's when the site runs with it). */
  throttle?: LoginThrottle;
  /** The signed-in reader, if any (helper A's `readerOf`); until it is wired, subscriptions are anonymous. */
  readerOf?: (request: FastifyRequest) => Promise<{ id: string } | null>;
  /**
   * Accept endpoints on loopback and private networks, and over plain http there: only the tests' local push service
   * lives there. Real push services are public https hosts; anything else would let a page make the server post inward.
   */
  allowPrivateEndpoints?: boolean;
}

/** Subscription writes allowed per IP in the window (defined with the other throttle limits, so Redis's throttle applies the same). */
export { PUSH_WRITES_PER_WINDOW };

/** A base64url string that decodes to exactly `bytes` bytes (padding tolerated, as some browsers send it). */
const base64urlOf = (bytes: number, what: string) => z.string().max(200).regex(/^[A-Za-z0-9_-]+={0,2}$/, `${what} is not base64url`)
  .refine((s) => Buffer.from(s.replace(/=+$/, ''), 'base64url').length === bytes, `${what} must be ${bytes} bytes`);

function endpointProblem(value: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'endpoint is not a URL';
  }
  if (url.username || url.password) return 'endpoint must not carry credentials';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const inward = host === 'localhost' || host.endsWith('.localhost') || (isIP(host) !== 0 && forbiddenAddressReason(host) !== null);
  if (inward && !allowPrivate) return 'endpoint must be a public push service';
  if (url.protocol === 'https:' || (url.protocol === 'http:' && inward && allowPrivate)) return null;
  return 'endpoint must be an https URL';
}

const subscribeBody = (allowPrivate: boolean) => z.object({
  subscription: z.object({
    endpoint: z.string().min(1).max(2000).superRefine((value, ctx) => {
      const problem = endpointProblem(value, allowPrivate);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    keys: z.object({
      // An uncompressed P-256 point (0x04, x, y) and the 16-byte auth secret (RFC 8291 §3).
      p256dh: base64urlOf(65, 'keys.p256dh').refine((s) => Buffer.from(s.replace(/=+$/, ''), 'base64url')[0] === 4, 'keys.p256dh is not an uncompressed P-256 key'),
      auth: base64urlOf(16, 'keys.auth'),
    }),
  }),
  topics: z.array(z.string().min(1).max(200)).max(500).default([]),
  breaking: z.boolean().default(true),
  edition: z.string().max(40).optional(),
});
const unsubscribeBody = z.object({ endpoint: z.string().min(1).max(2000) });

function parsed<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new DomainError('VALIDATION_FAILED', issue?.message ?? 'The subscription could not be read.', { field: issue?.path.join('.') ?? '' });
}

/** Without `deps` (no alerts on this site) only GET /push/key answers, 204: the page script then keeps the control hidden. */
export function registerPushRoutes(app: FastifyInstance, deps: PushSiteDeps | undefined): void {
  if (!deps) {
    app.get('/push/key', async (_request, reply) => reply.code(204).header('cache-control', 'no-store').send());
    return;
  }
  const throttle = deps.throttle ?? createMemoryLoginThrottle(() => deps.clock.now().getTime(), DEFAULT_THROTTLE_LIMITS);
  const schema = subscribeBody(deps.allowPrivateEndpoints ?? false);

  /** Same origin only (a page elsewhere must not tie a reader's account to its endpoint), and a bounded rate per IP. */
  async function admit(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    reply.header('cache-control', 'no-store');
    if (!isSameOrigin(request)) throw new DomainError('PERMISSION_DENIED', 'This request came from another site and was refused.');
    const key = `push-ip:${request.ip}`;
    const wait = await throttle.retryAfter([key]);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      throw new DomainError('AUTH_THROTTLED', 'Too many requests from this address. Try again later.', { retryAfter: wait });
    }
    await throttle.recordFailure([key]);
  }

  app.get('/push/key', async (_request, reply) =>
    reply.header('cache-control', 'no-store').send({ publicKey: deps.vapidPublicKey }));

  app.post('/push/subscriptions', async (request, reply) => {
    await admit(request, reply);
    const body = parsed(schema, request.body);
    const edition = (body.edition ? deps.editions.byId(body.edition) : null) ?? deps.editions.first();
    const reader = deps.readerOf ? await deps.readerOf(request) : null;
    const saved = await deps.subscriptions.subscribe({
      endpoint: body.subscription.endpoint, p256dh: body.subscription.keys.p256dh.replace(/=+$/, ''), auth: body.subscription.keys.auth.replace(/=+$/, ''),
      readerId: reader?.id ?? null, editionId: edition.id, breaking: body.breaking, topics: body.topics.map((t) => t.normalize('NFC')),
    });
    return reply.code(201).send({ topics: saved.topics, unknownTopics: saved.unknownTopics, breaking: body.breaking });
  });

  app.delete('/push/subscriptions', async (request, reply) => {
    await admit(request, reply);
    const { endpoint } = parsed(unsubscribeBody, request.body);
    await deps.subscriptions.unsubscribe(endpoint);
    // The same answer whether or not it was known: an endpoint is a capability, not something to probe for.
    return reply.code(204).send();
  });
}
