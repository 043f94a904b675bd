/**
 * The topic suggestion job as a serving process runs it (real threads, the real tagger, SQLite): queued stories gain
 * topics in the background, the announcements reach the event bus, and the desk shows the run — to editors and admins
 * only (the rules table, every role).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, type TestSite } from '../../test/support/test-site.js';
import { staffSession } from '../../test/support/newsroom-session.js';
import { waitUntil } from '../../test/support/wait-until.js';
import { makeArticle, paragraph } from '../../test/support/make-article.js';
import type { DomainEvent } from '../core/events/event-bus.js';
import { ROLES } from '../core/staff/staff-user.js';
import { mayTopicJob, TOPIC_JOB_ACTIONS } from '../core/topics/topic-job-rules.js';
import { startTopicSuggestions } from './topic-suggestion-services.js';

const silent = { info: () => undefined, error: () => undefined };

describe('topic suggestions in a serving process', { timeout: 180_000 }, () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await createTestSite({ newsroom: true, realClock: true, withFixture: false });
  });
  afterAll(() => site?.close());

  it('works the queue in the background, announces what readers see, and the desk shows the run to the desk', async () => {
    const stories = [
      makeArticle({ headline: 'Kremlin says Putin will meet Erdogan in Ankara', body: paragraph('MOSCOW (Reuters) - President Vladimir Putin will travel to Ankara, the Kremlin said on Tuesday.'), topics: [] }),
      makeArticle({ headline: 'الأمم المتحدة تدعو إلى وقف إطلاق النار', body: paragraph('قال الأمين العام للأمم المتحدة في نيويورك…'), topics: [] }),
      makeArticle({ headline: 'Saudi Aramco raises prices for Asia 🛢️', body: paragraph('RIYADH — Saudi Aramco raised its official selling prices for Asian buyers, the company said in Dhahran.'), topics: [] }),
    ];
    await site.storage.articles.insertMany(stories);
    await site.storage.topicSuggestions.enqueue(stories.map((s) => s.id), new Date());

    const editor = await staffSession(site, 'editor');
    const reporter = await staffSession(site, 'reporter');
    const waiting = await editor.get('/newsroom');
    expect(waiting.body).toContain('Topic suggestions for imported stories');
    expect(waiting.body).toMatch(/0 of 3 stories \(0 %\)/);
    expect((await reporter.get('/newsroom')).body).not.toContain('Topic suggestions for imported stories');

    const events: DomainEvent[] = [];
    const unsubscribe = site.newsroom!.events.subscribe((e) => events.push(e));
    const job = startTopicSuggestions({ queue: site.storage.topicSuggestions, threads: 1, niceness: 19, events: site.newsroom!.events, logger: silent, pollMs: 60_000 });
    try {
      await waitUntil(async () => (await site.storage.topicSuggestions.progress()).waiting === 0, 'the queue to empty', { attempts: 1_200, intervalMs: 100 });
    } finally {
      await job.stop();
      unsubscribe();
    }
    const kremlin = await site.storage.articles.findState(stories[0]!.id);
    expect(kremlin?.fields.topics.map((t) => t.name)).toEqual(expect.arrayContaining(['Kremlin', 'Ankara']));
    expect(events.some((e) => e.type === 'story.updated' && e.articleId === stories[0]!.id && e.tags.includes('topic:kremlin'))).toBe(true);
    const page = await site.app.inject({ method: 'GET', url: `/article/${stories[0]!.slug}` });
    expect(page.body).toContain('/topic/kremlin');

    const done = await editor.get('/newsroom');
    expect(done.body).toMatch(/Done: 3 stories have suggested topics/);
    expect(done.body).toContain('<progress max="100" value="100"');
  });

  it('the rules table: editors and admins see the job, contributors and reporters do not', () => {
    const matrix = ROLES.map((role) => [role, TOPIC_JOB_ACTIONS.map((a) => mayTopicJob(a, role))]);
    expect(matrix).toEqual([['contributor', [false]], ['reporter', [false]], ['editor', [true]], ['admin', [true]]]);
  });
});
