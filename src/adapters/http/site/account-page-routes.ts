/** @module The account page and its forms: preferences, the JSON export, deletion with a confirmation step. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Edition } from '../../../core/editions/edition.js';
import type { ReaderSignedIn } from '../../../core/readers/reader-service.js';
import { DIGEST_FREQUENCIES } from '../../../core/readers/reader.js';
import { renderAccountPage, renderDeleteConfirmPage } from './account-page.js';
import { HTML, onEveryEdition, type AccountDeps } from './reader-account-deps.js';
import { clearReaderCookie, readerSessionOf, requireReaderCsrf } from './reader-session.js';
import { renderAccountDeletedPage } from './reader-sign-in-pages.js';
import { createSiteContextFactory } from './site-context-factory.js';
import { editionPath } from './site-context.js';

const preferencesForm = z.object({
  digest: z.enum(DIGEST_FREQUENCIES as [string, ...string[]]).default('off'),
  digestHour: z.coerce.number().int().min(0).max(23),
  digestWeekday: z.coerce.number().int().min(1).max(7),
  newsletters: z.literal('on').optional(),
  alertEmail: z.literal('on').optional(),
});
const noticeQuery = z.object({ saved: z.string().optional(), welcome: z.string().optional(), invalid: z.string().optional() }).catch({});

export function registerAccountPageRoutes(app: FastifyInstance, deps: AccountDeps): void {
  const accounts = deps.readerAccounts;
  const siteContext = createSiteContextFactory(deps);

  /** The signed-in reader, or a redirect to the sign-in page (answered, so the handler stops). */
  async function signedInOr(request: FastifyRequest, reply: FastifyReply, edition: Edition): Promise<ReaderSignedIn | null> {
    const signedIn = await readerSessionOf(request, accounts);
    if (!signedIn) await reply.redirect(editionPath({ edition }, '/account/sign-in'), 303);
    return signedIn;
  }

  onEveryEdition(app, deps.editions, 'GET', '/account', async (request, reply, edition) => {
    const signedIn = await signedInOr(request, reply, edition);
    if (!signedIn) return reply;
    const query = noticeQuery.parse(request.query);
    const notice = query.saved ? 'saved' : query.welcome ? 'welcome' : query.invalid ? 'invalid' : null;
    const [site, follows] = await Promise.all([siteContext(edition), accounts.listFollows(signedIn.reader.id)]);
    return reply.type(HTML).send(renderAccountPage(site, { reader: signedIn.reader, csrf: signedIn.session.csrfToken, follows, notice }));
  });

  onEveryEdition(app, deps.editions, 'POST', '/account/preferences', async (request, reply, edition) => {
    const signedIn = await signedInOr(request, reply, edition);
    if (!signedIn) return reply;
    requireReaderCsrf(request, signedIn);
    const form = preferencesForm.safeParse(request.body ?? {});
    if (!form.success) return reply.redirect(`${editionPath({ edition }, '/account')}?invalid=1`, 303);
    const { digest, digestHour, digestWeekday, newsletters, alertEmail } = form.data;
    await accounts.updatePreferences(signedIn.reader.id, {
      digest: digest as 'off' | 'daily' | 'weekly', digestHour, digestWeekday, newsletters: newsletters === 'on', alertEmail: alertEmail === 'on',
    });
    return reply.redirect(`${editionPath({ edition }, '/account')}?saved=1`, 303);
  });

  onEveryEdition(app, deps.editions, 'GET', '/account/export.json', async (request, reply, edition) => {
    const signedIn = await signedInOr(request, reply, edition);
    if (!signedIn) return reply;
    const data = await accounts.exportData(signedIn.reader.id);
    return reply.type('application/json; charset=utf-8').header('content-disposition', 'attachment; filename="account-data.json"')
      .send(JSON.stringify(data, null, 2));
  });

  // Without confirm=yes the answer is the confirmation page; with it, the account goes.
  onEveryEdition(app, deps.editions, 'POST', '/account/delete', async (request, reply, edition) => {
    const signedIn = await signedInOr(request, reply, edition);
    if (!signedIn) return reply;
    requireReaderCsrf(request, signedIn);
    const site = await siteContext(edition);
    if ((request.body as { confirm?: unknown } | undefined)?.confirm !== 'yes') {
      return reply.type(HTML).send(renderDeleteConfirmPage(site, signedIn.reader, signedIn.session.csrfToken));
    }
    await accounts.deleteAccount(signedIn.reader.id);
    request.log.info({ event: 'reader.deleted', readerId: signedIn.reader.id }, 'reader account deleted');
    clearReaderCookie(request, reply);
    return reply.type(HTML).send(renderAccountDeletedPage(site));
  });
}
