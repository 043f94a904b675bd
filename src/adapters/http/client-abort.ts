/**
 * @module Recognises a client that went away in the middle of its request (closed or reset while sending the body):
 * nobody is left to answer, and it says nothing about our database, so it is logged at debug level and not counted.
 */
import type { IncomingMessage } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasCause } from '../db/storage-faults.js';

/** What Node, Fastify and busboy report when the request stream ends early. */
const ABORT_CODES = new Set(['ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE', 'FST_ERR_CTP_INVALID_CONTENT_LENGTH']);
const ABORT_MESSAGES = /^(aborted|Premature close|Unexpected end of (form|multipart data)|Request aborted)$/i;

/**
 * True when the request's own stream failed because its client left: the request never arrived in full and its
 * socket is gone, and the error is one a broken stream raises. A driver's ECONNRESET on a request that had arrived
 * in full stays a database error.
 */
export function isClientAbort(error: unknown, request: IncomingMessage): boolean {
  if (request.complete) return false;
  const gone = request.readableAborted || request.destroyed || request.socket?.destroyed === true;
  if (!gone) return false;
  return hasCause(error, (cause) => (typeof cause.code === 'string' && ABORT_CODES.has(cause.code))
    || (typeof cause.message === 'string' && ABORT_MESSAGES.test(cause.message)));
}

/** Logs the abort at debug level and ends the reply, which no one will read. */
export function answerClientAbort(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const code = (error as { code?: unknown } | null)?.code;
  request.log.debug({ event: 'http.client_aborted', code: typeof code === 'string' ? code : null, method: request.method, path: request.url.split('?')[0] }, 'client left during its request');
  return reply.code(400).header('connection', 'close').send();
}
