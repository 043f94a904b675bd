/** Reader accounts over HTTP in both editions: sign-in by e-mail link, the account page, follows as JSON, CSRF, no-store. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/adapters/http/build-app.js';
import { createTestSite, type TestSite } from '../support/test-site.js';

let site: TestSite;
let ipCounter = 0;
/** Each flow from its own address, so the per-IP throttle (30 a window) never trips a test it does not test. */
const freshIp = () => `198.51.100.${++ipCounter}`;

beforeAll(async () => {
  site = await createTestSite({ withFixture: false, arabic: true });
  await site.storage.db.insertInto('topics').values([
    { id: 'tp-ar', slug: 'غزة', name: 'غزة', kind: 'place' },
    { id: 'tp-ja', slug: '東京', name: '東京', kind: 'place' },
    { id: 'tp-ru', slug: 'москва', name: 'Москва', kind: 'place' },
    { id: 'tp-emoji', slug: 'space-🚀', name: 'Space 🚀', kind: 'subject' },
  ]).execute();
  await site.storage.db.insertInto('authors').values({ id: 'au-1', slug: 'layla-hassan', name: 'Layla <Hassan>', bio: null, photo_id: null, job_title: null, links: null }).execute();
});
afterAll(async () => site?.close());

const cookieValue = (res: LightMyRequestResponse, name: string) => res.cookies.find((c) => c.name === name)?.value;
const csrfIn = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

async function outboxTokens(): Promise<{ recipient: string; token: string }[]> {
  const rows = await site.storage.readerDb.selectFrom('deliveries').select(['recipient', 'payload']).where('kind', '=', 'sign-in').orderBy('created_at').execute();
  return rows.map((r) => ({ recipient: r.recipient, token: (JSON.parse(r.payload) as { token: string }).token }));
}

async function requestLink(email: string, prefix = '', ip = freshIp()): Promise<LightMyRequestResponse> {
  const page = await site.app.inject({ method: 'GET', url: `${prefix}/account/sign-in`, remoteAddress: ip });
  return site.app.inject({
    method: 'POST', url: `${prefix}/account/sign-in`, remoteAddress: ip, headers: FORM,
    cookies: { dateline_reader_form: cookieValue(page, 'dateline_reader_form')! }, payload: form({ email, _csrf: csrfIn(page.body) }),
  });
}

async function openLink(token: string, prefix = ''): Promise<LightMyRequestResponse> {
  const page = await site.app.inject({ method: 'GET', url: `${prefix}/account/verify?token=${encodeURIComponent(token)}` });
  expect(page.statusCode).toBe(200);
  return site.app.inject({
    method: 'POST', url: `${prefix}/account/verify`, headers: FORM,
    cookies: { dateline_reader_form: cookieValue(page, 'dateline_reader_form')! }, payload: form({ token, _csrf: csrfIn(page.body) }),
  });
}

/** Signs in through the pages; returns the session cookie and the session's CSRF token. */
async function signIn(email: string, prefix = ''): Promise<{ cookie: string; csrf: string }> {
  await requestLink(email, prefix);
  const { token } = (await outboxTokens()).filter((r) => r.recipient === email.toLowerCase()).at(-1)!;
  const verified = await openLink(token, prefix);
  expect(verified.statusCode).toBe(303);
  const cookie = cookieValue(verified, 'dateline_reader')!;
  const follows = await site.app.inject({ method: 'GET', url: '/account/follows', cookies: { dateline_reader: cookie } });
  return { cookie, csrf: (follows.json() as { csrfToken: string }).csrfToken };
}

describe('sign-in by e-mail link', () => {
  it('answers "check your inbox" for any address, queues one mail, and signs in through a confirm button', async () => {
    const sent = await requestLink('Reader.One@Example.com');
    expect(sent.statusCode).toBe(200);
    expect(sent.headers['cache-control']).toBe('private, no-store');
    expect(sent.body).toContain('Check your inbox');
    expect(sent.body).toContain('Reader.One@Example.com');
    const { token } = (await outboxTokens()).at(-1)!;

    const confirm = await site.app.inject({ method: 'GET', url: `/account/verify?token=${token}` });
    expect(confirm.body).toContain('Finish signing in');
    // The page names the account the link signs in to (a link someone else sent is recognised), and spends nothing.
    expect(confirm.body).toContain('You are signing in as <bdi dir="ltr">reader.one@example.com</bdi>.');
    // Opening the link (a mail scanner does) spends nothing: the token still signs in.
    const verified = await openLink(token);
    expect(verified.statusCode).toBe(303);
    expect(verified.headers.location).toBe('/account?welcome=1');
    const setCookie = String(verified.headers['set-cookie']);
    expect(setCookie).toMatch(/dateline_reader=[\w-]+/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/);

    const account = await site.app.inject({ method: 'GET', url: '/account?welcome=1', cookies: { dateline_reader: cookieValue(verified, 'dateline_reader')! } });
    expect(account.statusCode).toBe(200);
    expect(account.headers['cache-control']).toBe('private, no-store');
    expect(account.body).toContain('reader.one@example.com');
    expect(account.body).toContain('data-account-merge');
    expect(site.deps.pageCache.get('/account')).toBeNull();

    const spent = await site.app.inject({ method: 'GET', url: `/account/verify?token=${token}` });
    expect(spent.body).not.toContain('reader.one@example.com');
    expect(spent.body).not.toContain('You are signing in as');
    const again = await openLink(token);
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('This sign-in link no longer works');
    expect(again.body).toContain('action="/account/sign-in"');
    const asJson = await site.app.inject({ method: 'POST', url: '/account/verify', headers: { ...FORM, accept: 'application/json' }, payload: form({ token }) });
    expect(asJson.statusCode).toBe(403);
  });

  it('marks the session cookie Secure when the request came over TLS', async () => {
    const behindProxy = buildApp(site.deps, { trustProxy: true });
    await behindProxy.ready();
    try {
      await requestLink('tls@example.com');
      const { token } = (await outboxTokens()).at(-1)!;
      const https = { 'x-forwarded-proto': 'https', host: 'news.test' };
      const page = await behindProxy.inject({ method: 'GET', url: `/account/verify?token=${token}`, headers: https });
      const verified = await behindProxy.inject({
        method: 'POST', url: '/account/verify', headers: { ...FORM, ...https },
        cookies: { dateline_reader_form: cookieValue(page, 'dateline_reader_form')! }, payload: form({ token, _csrf: csrfIn(page.body) }),
      });
      expect(verified.statusCode).toBe(303);
      expect(String(verified.headers['set-cookie'])).toMatch(/__Host-dateline_reader=[\w-]+;.*Secure/);
      expect(cookieValue(verified, 'dateline_reader')).toBeUndefined();
      const session = cookieValue(verified, '__Host-dateline_reader')!;
      const overTls = await behindProxy.inject({ method: 'GET', url: '/account/follows', headers: https, cookies: { '__Host-dateline_reader': session } });
      expect(overTls.json()).toMatchObject({ signedIn: true });
      // Over TLS the bare name is not read (a subdomain could have set it).
      const bare = await behindProxy.inject({ method: 'GET', url: '/account/follows', headers: https, cookies: { dateline_reader: session } });
      expect(bare.json()).toEqual({ signedIn: false });
    } finally {
      await behindProxy.close();
    }
  });

  it('serves the Arabic edition under /ar/, right to left, and makes an Arabic account', async () => {
    const page = await site.app.inject({ method: 'GET', url: '/ar/account/sign-in' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<html lang="ar" dir="rtl"/);
    expect(page.body).toContain('أرسل إليّ رابط الدخول');
    expect(page.body).toContain('action="/ar/account/sign-in"');
    await requestLink('qari@example.com', '/ar');
    const { token } = (await outboxTokens()).at(-1)!;
    const confirm = await site.app.inject({ method: 'GET', url: `/ar/account/verify?token=${token}` });
    expect(confirm.body).toContain('ستسجّل الدخول بالعنوان <bdi dir="ltr">qari@example.com</bdi>.');
    const verified = await openLink(token, '/ar');
    expect(verified.headers.location).toBe('/ar/account?welcome=1');
    const reader = await site.storage.readers.findByEmail('qari@example.com');
    expect(reader?.editionId).toBe('ar');
    const account = await site.app.inject({ method: 'GET', url: '/ar/account', cookies: { dateline_reader: cookieValue(verified, 'dateline_reader')! } });
    expect(account.body).toContain('حسابك');
    expect(account.body).toContain('<bdi dir="ltr">qari@example.com</bdi>');
  });

  it('refuses an address that is not one with a 400 form, and a form without its token with 403', async () => {
    const bad = await requestLink('not-an-address');
    expect(bad.statusCode).toBe(400);
    // Two recipients to a mailer, or a display name: refused before anything is queued.
    for (const hostile of ['postmaster,x@evil.com', 'Eve <eve@evil.com>', 'a@example.com;b@evil.com']) {
      expect((await requestLink(hostile)).statusCode).toBe(400);
    }
    expect((await outboxTokens()).filter((r) => r.recipient.includes('evil'))).toEqual([]);
    expect(bad.body).toContain('Enter an e-mail address such as name@example.com.');
    expect(bad.body).toContain('aria-invalid="true"');
    const noCookie = await site.app.inject({ method: 'POST', url: '/account/sign-in', headers: FORM, payload: form({ email: 'x@example.com', _csrf: 'abc' }) });
    expect(noCookie.statusCode).toBe(403);
    expect(noCookie.headers['cache-control']).toBe('private, no-store');
  });

  it('answers the same page when throttled, and queues nothing more', async () => {
    const before = (await outboxTokens()).length;
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await requestLink('busy@example.com'));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(answers[5]!.body.replace(/value="[\w-]+"/g, '')).toBe(answers[0]!.body.replace(/value="[\w-]+"/g, ''));
    expect((await outboxTokens()).length - before).toBe(5);
  });
});

describe('the account', () => {
  it('saves preferences, exports everything, and refuses forms without the session token', async () => {
    const { cookie, csrf } = await signIn('prefs@example.com');
    const cookies = { dateline_reader: cookie };
    const refused = await site.app.inject({ method: 'POST', url: '/account/preferences', cookies, headers: FORM, payload: form({ _csrf: 'wrong', digest: 'daily', digestHour: '6', digestWeekday: '1' }) });
    expect(refused.statusCode).toBe(403);
    const foreign = await site.app.inject({ method: 'POST', url: '/account/preferences', cookies, headers: { ...FORM, origin: 'https://evil.example' }, payload: form({ _csrf: csrf, digest: 'daily', digestHour: '6', digestWeekday: '1' }) });
    expect(foreign.statusCode).toBe(403);
    const saved = await site.app.inject({ method: 'POST', url: '/account/preferences', cookies, headers: FORM, payload: form({ _csrf: csrf, digest: 'weekly', digestHour: '18', digestWeekday: '5', newsletters: 'on' }) });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/account?saved=1');
    expect(await site.storage.readers.findByEmail('prefs@example.com')).toMatchObject({ digest: 'weekly', digestHour: 18, digestWeekday: 5, newsletters: true, alertEmail: false });
    const page = await site.app.inject({ method: 'GET', url: '/account?saved=1', cookies });
    expect(page.body).toContain('Your preferences are saved.');
    expect(page.body).toMatch(/value="weekly" checked/);

    const exported = await site.app.inject({ method: 'GET', url: '/account/export.json', cookies });
    expect(exported.headers['content-disposition']).toBe('attachment; filename="account-data.json"');
    expect(exported.headers['cache-control']).toBe('private, no-store');
    expect(exported.json()).toMatchObject({ account: { email: 'prefs@example.com' }, preferences: { digest: 'weekly' }, deliveries: [{ kind: 'sign-in' }] });
  });

  it('sends a signed-out reader to the sign-in page; the follows endpoint says signed out, its writes answer 401', async () => {
    const account = await site.app.inject({ method: 'GET', url: '/ar/account' });
    expect(account.statusCode).toBe(303);
    expect(account.headers.location).toBe('/ar/account/sign-in');
    const follows = await site.app.inject({ method: 'GET', url: '/account/follows', headers: { accept: 'application/json' } });
    expect(follows.statusCode).toBe(200);
    expect(follows.json()).toEqual({ signedIn: false });
    expect(follows.headers['cache-control']).toBe('private, no-store');
    const write = await site.app.inject({ method: 'POST', url: '/ar/account/follows/topic/غزة', headers: { 'x-csrf-token': 'x' } });
    expect(write.statusCode).toBe(401);
    expect(write.json()).toMatchObject({ error: { code: 'AUTH_REQUIRED' } });
  });

  it('signs out with the CSRF token only', async () => {
    const { cookie, csrf } = await signIn('out@example.com');
    const forced = await site.app.inject({ method: 'POST', url: '/account/sign-out', cookies: { dateline_reader: cookie }, headers: FORM, payload: form({}) });
    expect(forced.statusCode).toBe(403);
    const out = await site.app.inject({ method: 'POST', url: '/ar/account/sign-out', cookies: { dateline_reader: cookie }, headers: FORM, payload: form({ _csrf: csrf }) });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/ar/');
    expect((await site.app.inject({ method: 'GET', url: '/account/follows', cookies: { dateline_reader: cookie } })).json()).toEqual({ signedIn: false });
  });

  it('deletes the account after a confirmation step', async () => {
    const { cookie, csrf } = await signIn('leaving@example.com');
    const cookies = { dateline_reader: cookie };
    const confirm = await site.app.inject({ method: 'POST', url: '/account/delete', cookies, headers: FORM, payload: form({ _csrf: csrf }) });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Delete your account?');
    expect(await site.storage.readers.findByEmail('leaving@example.com')).not.toBeNull();
    const gone = await site.app.inject({ method: 'POST', url: '/account/delete', cookies, headers: FORM, payload: form({ _csrf: csrf, confirm: 'yes' }) });
    expect(gone.statusCode).toBe(200);
    expect(gone.body).toContain('Your account is deleted');
    expect(String(gone.headers['set-cookie'])).toMatch(/dateline_reader=;/);
    expect(await site.storage.readers.findByEmail('leaving@example.com')).toBeNull();
    expect((await outboxTokens()).some((r) => r.recipient === 'leaving@example.com')).toBe(false);
  });
});

describe('follows for the browser', () => {
  it('merges slugs in any script, reports unknown ones, follows and unfollows one, in both editions', async () => {
    const { cookie, csrf } = await signIn('follower@example.com');
    const cookies = { dateline_reader: cookie };
    const payload = { topics: ['غزة', '東京', 'москва', 'space-🚀', 'nope'], sections: ['no-such-section'], authors: ['layla-hassan'] };
    const noToken = await site.app.inject({ method: 'POST', url: '/account/follows/merge', cookies, payload });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json()).toMatchObject({ error: { code: 'AUTH_CSRF_INVALID' } });
    const merged = await site.app.inject({ method: 'POST', url: '/ar/account/follows/merge', cookies, headers: { 'x-csrf-token': csrf }, payload });
    expect(merged.statusCode).toBe(200);
    expect(merged.headers['cache-control']).toBe('private, no-store');
    const body = merged.json() as { added: number; unknown: Record<string, string[]>; follows: { topics: { slug: string }[] } };
    expect(body.added).toBe(5);
    expect(body.unknown).toEqual({ topics: ['nope'], sections: ['no-such-section'], authors: [] });
    expect(body.follows.topics.map((t) => t.slug).sort()).toEqual(['غزة', '東京', 'москва', 'space-🚀'].sort());

    const unfollow = await site.app.inject({ method: 'DELETE', url: `/account/follows/topic/${encodeURIComponent('東京')}`, cookies, headers: { 'x-csrf-token': csrf } });
    expect(unfollow.statusCode).toBe(200);
    const unknownTopic = await site.app.inject({ method: 'POST', url: '/account/follows/topic/nothing-here', cookies, headers: { 'x-csrf-token': csrf, accept: 'application/json' } });
    expect(unknownTopic.statusCode).toBe(404);
    const badKind = await site.app.inject({ method: 'POST', url: '/account/follows/planet/mars', cookies, headers: { 'x-csrf-token': csrf } });
    expect(badKind.statusCode).toBe(404);

    const page = await site.app.inject({ method: 'GET', url: '/ar/account', cookies });
    expect(page.body).toContain('Москва');
    expect(page.body).toContain('Space 🚀');
    expect(page.body).toContain('Layla &lt;Hassan&gt;');
    expect(page.body).not.toContain('東京');
    expect(page.body).toContain(`action="/ar/account/follows/topic/${encodeURIComponent('غزة')}"`);
    // The account page's Unfollow form (no script): a POST with action=unfollow, then back to the page.
    const viaForm = await site.app.inject({ method: 'POST', url: `/ar/account/follows/topic/${encodeURIComponent('غزة')}`, cookies, headers: FORM, payload: form({ _csrf: csrf, action: 'unfollow' }) });
    expect(viaForm.statusCode).toBe(303);
    expect(viaForm.headers.location).toBe('/ar/account');
    const follows = (await site.app.inject({ method: 'GET', url: '/account/follows', cookies })).json() as { follows: { topics: { slug: string }[]; authors: { slug: string }[] } };
    expect(follows.follows.topics.map((t) => t.slug).sort()).toEqual(['space-🚀', 'москва'].sort());
    expect(follows.follows.authors).toEqual([{ slug: 'layla-hassan', name: 'Layla <Hassan>' }]);
  });

  it('takes slugs in NFC whatever form they come in: an NFD Arabic slug follows, merges, unfollows the stored topic', async () => {
    const asia = 'آسيا-إفريقيا'; // آ and إ decompose under NFD
    const nfd = asia.normalize('NFD');
    expect(nfd).not.toBe(asia);
    await site.storage.db.insertInto('topics').values({ id: 'tp-nfc', slug: asia, name: 'آسيا وإفريقيا', kind: 'place' }).execute();
    const { cookie, csrf } = await signIn('nfd@example.com');
    const cookies = { dateline_reader: cookie };
    const headers = { 'x-csrf-token': csrf };
    const merged = await site.app.inject({ method: 'POST', url: '/ar/account/follows/merge', cookies, headers, payload: { topics: [nfd, asia], sections: [], authors: [] } });
    expect(merged.json()).toMatchObject({ added: 1, unknown: { topics: [] }, follows: { topics: [{ slug: asia }] } });
    const unfollowed = await site.app.inject({ method: 'DELETE', url: `/ar/account/follows/topic/${encodeURIComponent(nfd)}`, cookies, headers });
    expect(unfollowed.json()).toEqual({ follows: { topics: [], sections: [], authors: [] } });
    const followed = await site.app.inject({ method: 'POST', url: `/ar/account/follows/topic/${encodeURIComponent(nfd)}`, cookies, headers });
    expect(followed.statusCode).toBe(200);
    expect(followed.json()).toMatchObject({ follows: { topics: [{ slug: asia, name: 'آسيا وإفريقيا' }] } });
    expect(await site.storage.readerDb.selectFrom('reader_follows').select('target_id').where('reader_id', '=', (await site.storage.readers.findByEmail('nfd@example.com'))!.id).execute())
      .toEqual([{ target_id: 'tp-nfc' }]);
  });
});
