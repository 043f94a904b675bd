/**
 * @module Wire push: `POST /wire/push/:sourceSlug` takes a ninjs or NewsML-G2 document from an agency,
 * authenticated by the source's bearer token, and answers 202 once its items are committed.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WireIngestReport } from '../../../core/wire/wire-ingest-service.js';
import { httpError, httpErrorOf, sendJsonError } from '../error-status.js';
import { answerClientAbort, isClientAbort } from '../client-abort.js';
import { isDatabaseUnavailable } from '../../db/storage-faults.js';
import type { WireSource } from '../../../core/wire/wire-source.js';

export interface WirePushDeps {
  sources: { findBySlug(slug: string): Promise<WireSource | null> };
  ingestDocuments(documents: { origin: string; bytes: Uint8Array }[], context: { source: WireSource }): Promise<WireIngestReport>;
  /** Default 5 MB: larger pushes get 413 before they are read in full. */
  maxBytes?: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    wireSource?: WireSource;
  }
}

/** Constant-time comparison of the presented token's SHA-256 with the stored one. */
export function isPushTokenValid(presented: string, tokenHash: string | null): boolean {
  if (!tokenHash || !/^[0-9a-f]{64}$/.test(tokenHash)) return false;
  const actual = createHash('sha256').update(presented, 'utf8').digest();
  return timingSafeEqual(actual, Buffer.from(tokenHash, 'hex'));
}

function bearer(request: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1] ?? null;
}

function unauthorized(reply: FastifyReply) {
  return sendJsonError(reply.header('www-authenticate', 'Bearer realm="wire push"'), httpError('WIRE_PUSH_UNAUTHORIZED'));
}

export function registerWirePushRoutes(app: FastifyInstance, deps: WirePushDeps): void {
  const bodyLimit = deps.maxBytes ?? 5 * 1024 * 1024;
  // Its own scope: the raw-body parser below applies to this route only.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body));

    // Agencies' software reads JSON: too large, unreadable or a server fault is answered in the JSON envelope, never with a page.
    // A fault of ours is a 5xx, so the agency retries: a full disk 507 STORAGE_FULL, the database away 503, anything else 500.
    scope.setErrorHandler(async (error, request, reply) => {
      if (isClientAbort(error, request.raw)) return answerClientAbort(error, request, reply);
      const answer = isDatabaseUnavailable(error) ? httpError('DATABASE_UNAVAILABLE') : httpErrorOf(error);
      if (answer.status >= 500) request.log.error({ err: error, event: 'wire.push_failed', code: answer.code }, 'wire push failed');
      if (answer.code === 'REQUEST_TOO_LARGE') return sendJsonError(reply, httpError('REQUEST_TOO_LARGE', `The document is larger than ${bodyLimit} bytes.`, { maxBytes: bodyLimit }));
      return sendJsonError(reply, answer.code === 'INTERNAL_ERROR' ? httpError('INTERNAL_ERROR', 'The item could not be stored; try again.') : answer);
    });

    // Authenticate before the body is read: an unknown caller cannot make the server buffer anything.
    scope.addHook('onRequest', async (request, reply) => {
      const { sourceSlug } = request.params as { sourceSlug?: string };
      const token = bearer(request);
      const source = sourceSlug && /^[\p{L}\p{N}-]{1,80}$/u.test(sourceSlug) ? await deps.sources.findBySlug(sourceSlug) : null;
      // Every refusal looks the same, so the answer does not tell which slugs exist.
      if (!source || source.kind !== 'push' || !token || !isPushTokenValid(token, source.tokenHash)) return unauthorized(reply);
      request.wireSource = source;
    });

    scope.post('/wire/push/:sourceSlug', { bodyLimit }, async (request, reply) => {
      const source = request.wireSource!;
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) {
        return sendJsonError(reply, httpError('WIRE_PUSH_EMPTY'));
      }
      const report = await deps.ingestDocuments([{ origin: `push:${source.slug}`, bytes: new Uint8Array(body) }], { source });
      const stored = report.ingested + report.updated + report.duplicates + report.stale;
      if (report.failed > 0 && stored === 0) {
        // 422 tells the agency its document is bad and it will not resend: only for what could not be read.
        const unreadable = report.errors.filter((e) => !e.notStored && !e.busy);
        if (unreadable.length > 0) return sendJsonError(reply, httpError('WIRE_PUSH_UNREADABLE', unreadable.map((e) => e.message).join('; ')));
        // Out of parsing time on a loaded server: a condition of ours, so 503 with Retry-After and the agency resends.
        if (report.errors.some((e) => e.busy)) {
          request.log.warn({ event: 'wire.push_busy', errors: report.errors.map((e) => e.message) }, 'wire push not read: server busy');
          return sendJsonError(reply, httpError('SERVER_BUSY'));
        }
        request.log.error({ event: 'wire.push_failed', errors: report.errors.map((e) => e.message) }, 'wire push read but not stored');
        return sendJsonError(reply, httpError('INTERNAL_ERROR', 'The item could not be stored; try again.'));
      }
      // Sent after ingestDocuments resolved: the transaction holding the items has committed.
      return reply.code(202).send({
        ingested: report.ingested, updated: report.updated, duplicates: report.duplicates + report.stale, failed: report.failed,
        errors: report.errors.map((e) => e.message), itemIds: report.itemIds,
      });
    });
  });
}
