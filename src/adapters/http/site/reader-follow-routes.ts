/**
 * @module Follows of a signed-in reader for the browser script (JSON) and the account page's Unfollow forms.
 * GET /account/follows tells the script whether a reader is signed in without any readable cookie: `{signedIn:false}`
 * when signed out (200, not 401: Chromium logs every 4xx fetch as a console error, and signed-out readers ask at each
 * Follow click), else the follows and the session's CSRF token for the script's writes (x-csrf-token). Writes answer 401.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../../core/shared/domain-error.js';
import { isFollowKind, MAX_FOLLOWS_PER_KIND } from '../../../core/readers/reader.js';
import type { ReaderSignedIn } from '../../../core/readers/reader-service.js';
import { httpError, sendJsonError } from '../error-status.js';
import { onEveryEdition, type AccountDeps } from './reader-account-deps.js';
import { readerSessionOf, requireReaderCsrf } from './reader-session.js';
import { editionPath } from './site-context.js';

/** A slug as stored: NFC (a browser or an OS may send Arabic, Hangul or accented Latin decomposed), as push-routes does. */
const slug = z.string().min(1).max(200).transform((s) => s.normalize('NFC'));
const slugList = z.array(slug).max(MAX_FOLLOWS_PER_KIND).default([]);
const mergeBody = z.object({ topics: slugList, sections: slugList, authors: slugList });
const followParams = z.object({ kind: z.string(), slug });

export function registerReaderFollowRoutes(app: FastifyInstance, deps: AccountDeps): void {
  const accounts = deps.readerAccounts;

  async function signedInOr401(request: FastifyRequest): Promise<ReaderSignedIn> {
    const signedIn = await readerSessionOf(request, accounts);
    if (!signedIn) throw new DomainError('AUTH_REQUIRED', 'Sign in to keep your follows in your account.');
    return signedIn;
  }
  const json = (reply: FastifyReply, body: unknown) => reply.type('application/json; charset=utf-8').send(JSON.stringify(body));

  onEveryEdition(app, deps.editions, 'GET', '/account/follows', async (request, reply) => {
    const signedIn = await readerSessionOf(request, accounts);
    if (!signedIn) return json(reply, { signedIn: false });
    return json(reply, { signedIn: true, csrfToken: signedIn.session.csrfToken, follows: await accounts.listFollows(signedIn.reader.id) });
  });

  onEveryEdition(app, deps.editions, 'POST', '/account/follows/merge', async (request, reply) => {
    const signedIn = await signedInOr401(request);
    requireReaderCsrf(request, signedIn);
    const body = mergeBody.safeParse(request.body ?? {});
    if (!body.success) throw new DomainError('VALIDATION_FAILED', 'Send {topics, sections, authors}: lists of slugs.');
    return json(reply, await accounts.mergeFollows(signedIn.reader.id, body.data));
  });

  // POST follows (or, from the account page's form, unfollows with action=unfollow); DELETE unfollows.
  for (const method of ['POST', 'DELETE'] as const) {
    onEveryEdition(app, deps.editions, method, '/account/follows/:kind/:slug', async (request, reply, edition) => {
      const signedIn = await signedInOr401(request);
      requireReaderCsrf(request, signedIn);
      const { kind, slug } = followParams.parse(request.params);
      if (!isFollowKind(kind)) return sendJsonError(reply, httpError('NOT_FOUND'));
      const fromForm = (request.body as { action?: unknown } | undefined)?.action === 'unfollow';
      const done = method === 'DELETE' || fromForm
        ? await accounts.unfollow(signedIn.reader.id, kind, slug)
        : await accounts.follow(signedIn.reader.id, kind, slug);
      if (fromForm) return reply.redirect(editionPath({ edition }, '/account'), 303);
      if (!done && method === 'POST') return sendJsonError(reply, httpError('NOT_FOUND', `There is no ${kind} “${slug}”.`));
      return json(reply, { follows: await accounts.listFollows(signedIn.reader.id) });
    });
  }
}
