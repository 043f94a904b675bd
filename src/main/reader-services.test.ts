/** startReaderJobs over a real test site: an alert round cut short while queuing is finished by the jobs' first round. */
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createSqlAlertStore } from '../adapters/db/stores/sql-alert-store.js';
import { addReader, storyWithTopics } from '../../test/support/alert-site.js';
import { createTestSite } from '../../test/support/test-site.js';
import { waitUntil } from '../../test/support/wait-until.js';
import { startReaderJobs } from './reader-services.js';

describe('startReaderJobs', () => {
  it('resumes an alert round whose queuing was interrupted (recipients still null): its readers are queued once', async () => {
    const site = await createTestSite({ newsroom: true });
    try {
      const story = await storyWithTopics(site);
      await addReader(site, { email: 'قارئ@مثال.إختبار', alertEmail: true });
      const alerts = createSqlAlertStore(site.storage.db);
      const at = new Date(site.clock.now().getTime() - 10 * 60_000);
      expect(await alerts.insertRound({
        id: 'interrupted', articleId: story.id, round: 1, audience: 'everyone', title: 'عاجل 🚨', body: 'Срочно — 速報', url: '/x',
        recipients: null, createdBy: null, createdAt: at,
      })).toBe(true);
      const stop = startReaderJobs(site.deps, site.readers!, site.clock, pino({ level: 'silent' }));
      try {
        await waitUntil(async () => (await alerts.findRound('interrupted'))?.recipients !== null, 'the interrupted round to be resumed');
      } finally {
        stop();
      }
      const queued = await site.storage.readerDb.selectFrom('deliveries').select(['channel', 'recipient']).where('mailing', '=', 'alert:interrupted').execute();
      expect(queued).toEqual([{ channel: 'email', recipient: 'قارئ@مثال.إختبار' }]);
      expect((await alerts.findRound('interrupted'))!.recipients).toBe(1);
    } finally {
      await site.close();
    }
  });
});
