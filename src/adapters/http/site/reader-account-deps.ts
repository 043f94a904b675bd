/** @module What the reader account routes share: their dependencies, and routes of any method in every edition. */
import type { FastifyInstance } from 'fastify';
import type { EditionDirectory } from '../../../core/editions/edition-directory.js';
import type { ReaderAccountService } from '../../../core/readers/reader-service.js';
import type { HttpDeps } from '../http-deps.js';
import type { EditionHandler } from './edition-routes.js';

export const HTML = 'text/html; charset=utf-8';
export type AccountDeps = HttpDeps & { readerAccounts: ReaderAccountService };
type Method = 'GET' | 'POST' | 'DELETE';

/** Like editionGet for any method: `path` for the first edition, `/:edition{path}` for the others. */
export function onEveryEdition(app: FastifyInstance, editions: EditionDirectory, method: Method, path: string, handler: EditionHandler): void {
  app.route({ method, url: path, handler: async (request, reply) => handler(request, reply, editions.first()) });
  app.route({
    method, url: `/:edition${path}`, handler: async (request, reply) => {
      const edition = editions.byPathSegment((request.params as { edition?: string }).edition ?? '');
      return edition ? handler(request, reply, edition) : reply.callNotFound();
    },
  });
}
