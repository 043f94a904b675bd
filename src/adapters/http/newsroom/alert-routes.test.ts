/** "Send alert" over HTTP: only editors and admins, the preview, the confirmation step, a second round only when ticked. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_SENDERS } from '../../../core/alerts/alert.js';
import { ROLES, type Role } from '../../../core/staff/staff-user.js';
import { addReader, createAlertSite, storyWithTopics, type AlertSite } from '../../../../test/support/alert-site.js';
import { staffSession, type StaffSession } from '../../../../test/support/newsroom-session.js';

describe('newsroom alert routes', () => {
  let t: AlertSite;
  let story: Awaited<ReturnType<typeof storyWithTopics>>;
  const sessions = new Map<Role, StaffSession>();
  const rounds = async (id: string) => t.site.storage.db.selectFrom('alerts').selectAll().where('article_id', '=', id).orderBy('round').execute();

  beforeAll(async () => {
    t = await createAlertSite();
    // The newsroom helpers sign in through the app they are given: the one with alerts.
    for (const role of ROLES) sessions.set(role, await staffSession({ ...t.site, app: t.app }, role));
    story = await storyWithTopics(t.site);
    await t.site.storage.db.updateTable('articles').set({ headline: 'Quake <b>hits</b> “coast” — زلزال يضرب الساحل 🌊' }).where('id', '=', story.id).execute();
    await t.services.subscriptionStore.upsert({ endpoint: 'https://push.example/1', p256dh: 'BP'.padEnd(87, 'A'), auth: 'A'.repeat(22), readerId: null, editionId: 'en', breaking: true, topicIds: [story.topics[0]!.id] }, t.site.clock.now());
    await addReader(t.site, { email: 'reader@example.com', alertEmail: true, topicIds: [story.topics[0]!.id] });
  });
  afterAll(() => t.close());

  for (const role of ROLES) {
    const allowed = ALERT_SENDERS.includes(role);
    it(`${role} ${allowed ? 'may' : 'may not'} open and send alerts`, async () => {
      const session = sessions.get(role)!;
      const page = await session.get(`/newsroom/stories/${story.id}/alert`, { accept: 'application/json' });
      const send = await session.post(`/newsroom/stories/${story.id}/alert`, { audience: 'followers' }, { accept: 'application/json' });
      if (allowed) {
        expect(page.statusCode).toBe(200);
        expect(send.statusCode).toBe(400); // the desk may: it only lacks the confirmation
        expect(send.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'confirm' } });
      } else {
        expect([page.statusCode, page.json().error.code]).toEqual([403, 'PERMISSION_DENIED']);
        expect([send.statusCode, send.json().error.code]).toEqual([403, 'PERMISSION_DENIED']);
      }
    });
  }

  it('is behind the newsroom guard: no session goes to sign-in, no CSRF token is refused', async () => {
    const anonymous = await t.app.inject({ url: `/newsroom/stories/${story.id}/alert` });
    expect([anonymous.statusCode, anonymous.headers.location]).toEqual([303, `/newsroom/login?next=${encodeURIComponent(`/newsroom/stories/${story.id}/alert`)}`]);
    const editor = sessions.get('editor')!;
    const forged = await t.app.inject({ method: 'POST', url: `/newsroom/stories/${story.id}/alert`, payload: 'audience=everyone&confirm=yes', headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' } });
    expect([forged.statusCode, forged.json().error.code]).toEqual([403, 'AUTH_CSRF_INVALID']);
    expect(await rounds(story.id)).toHaveLength(0);
  });

  it('previews the notification (escaped), the audiences with their counts, and links to it from the editor', async () => {
    const editor = sessions.get('editor')!;
    const res = await editor.get(`/newsroom/stories/${story.id}/alert`);
    expect(res.headers['cache-control']).toMatch(/no-store/);
    expect(res.body).toContain('Quake &lt;b&gt;hits&lt;/b&gt; “coast” — زلزال يضرب الساحل 🌊');
    expect(res.body).not.toContain('<b>hits</b>');
    expect(res.body).toContain('Followers of this story’s topics <span class="field-hint">(1 browser, 1 by e-mail)</span>');
    expect(res.body).toContain('No alert has been sent for this story.');
    const edit = await editor.get(`/newsroom/stories/${story.id}/edit`);
    expect(edit.body).toContain(`<a href="/newsroom/stories/${story.id}/alert">Send alert</a>`);
    const reporterEdit = await sessions.get('reporter')!.get(`/newsroom/stories/${story.id}/edit`);
    expect(reporterEdit.body).not.toContain('Send alert');
  });

  it('asks for confirmation first, sends on confirm, and refuses a second round unless “Send again” is ticked', async () => {
    const editor = sessions.get('editor')!;
    const url = `/newsroom/stories/${story.id}/alert`;
    const confirm = await editor.post(url, { audience: 'everyone' });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Send this alert now to everyone who allowed breaking news (1 browser, 1 by e-mail)?');
    expect(confirm.body).toContain('name="confirm" value="yes"');
    expect(await rounds(story.id)).toHaveLength(0);

    const sent = await editor.post(url, { audience: 'everyone', confirm: 'yes' });
    expect([sent.statusCode, sent.headers.location]).toEqual([303, `${url}?sent=1`]);
    const after = await editor.get(`${url}?sent=1`);
    expect(after.body).toContain('Alert round 1 is on its way.');
    expect(after.body).toContain('Alerts already sent for this story');
    expect(after.body).toContain('Send again: this story has had an alert; this would be round 2');

    const refused = await editor.post(url, { audience: 'followers', confirm: 'yes' });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('An alert for this story has already gone out (once). Tick “Send again” to send another.');
    const refusedJson = await editor.post(url, { audience: 'followers', confirm: 'yes' }, { accept: 'application/json' });
    expect([refusedJson.statusCode, refusedJson.json().error.code]).toEqual([409, 'ALERT_ALREADY_SENT']);
    expect(await rounds(story.id)).toHaveLength(1);

    const again = await editor.post(url, { audience: 'followers', confirm: 'yes', send_again: '1' }, { accept: 'application/json' });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ round: 2, queued: 2 });
    expect((await rounds(story.id)).map((r) => [r.round, r.audience, r.recipients, r.created_by])).toEqual([[1, 'everyone', 2, editor.userId], [2, 'followers', 2, editor.userId]]);
  });

  it('refuses a story that is not published', async () => {
    const editor = sessions.get('editor')!;
    const draft = await editor.post('/newsroom/stories', { headline: 'Not yet', section: 'world' });
    const id = /stories\/([\w-]+)\/edit/.exec(String(draft.headers.location))![1]!;
    const page = await editor.get(`/newsroom/stories/${id}/alert`);
    expect(page.body).toContain('Only a published story can be sent as an alert.');
    expect(page.body).not.toContain('name="audience"');
    const send = await editor.post(`/newsroom/stories/${id}/alert`, { audience: 'everyone', confirm: 'yes' }, { accept: 'application/json' });
    expect([send.statusCode, send.json().error.code]).toEqual([409, 'ALERT_NOT_PUBLISHED']);
    expect((await editor.get('/newsroom/stories/no-such-story/alert', { accept: 'application/json' })).statusCode).toBe(404);
  });
});
