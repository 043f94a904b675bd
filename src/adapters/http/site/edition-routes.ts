/** @module Reader routes in every edition: each path is served at / for the first edition and under /{edition}/ for the others. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Edition } from '../../../core/editions/edition.js';
import type { EditionDirectory } from '../../../core/editions/edition-directory.js';

export type EditionHandler = (request: FastifyRequest, reply: FastifyReply, edition: Edition) => Promise<FastifyReply>;

/**
 * Registers `path` twice: as is (the first edition) and as `/:edition{path}` (the others; an unknown or the first
 * edition's own code answers 404). Static routes win over the parameter, so `/latest` never reads as an edition.
 */
export function editionGet(app: FastifyInstance, editions: EditionDirectory, path: string, handler: EditionHandler): void {
  app.get(path, async (request, reply) => handler(request, reply, editions.first()));
  app.get(path === '/' ? '/:edition' : `/:edition${path}`, async (request, reply) => {
    const segment = (request.params as { edition?: string }).edition ?? '';
    const edition = editions.byPathSegment(segment);
    if (!edition) return reply.callNotFound();
    return handler(request, reply, edition);
  });
}

/** The edition a path belongs to, from its first segment (for pages outside the edition routes: 404s, errors). */
export function editionOfPath(editions: EditionDirectory, path: string): Edition {
  const segment = path.split('/')[1] ?? '';
  return editions.byPathSegment(segment) ?? editions.first();
}
