/** @module Cleans every form, JSON body and query string as it enters (NFC, no control characters), before any route reads it. */
import type { FastifyInstance } from 'fastify';
import { cleanDeep } from '../../core/shared/clean-text.js';

/** Fields compared byte for byte, never shown: a password is checked against its hash as typed. */
const KEPT_AS_SENT = new Set(['password', 'current', 'newPassword', 'currentPassword']);

export function registerInputCleaning(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.body !== undefined && request.body !== null && typeof request.body === 'object' && !Buffer.isBuffer(request.body)) {
      request.body = cleanDeep(request.body, KEPT_AS_SENT);
    }
    if (request.query && typeof request.query === 'object') request.query = cleanDeep(request.query, KEPT_AS_SENT);
  });
}
