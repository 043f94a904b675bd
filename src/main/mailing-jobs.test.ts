import { describe, expect, it } from 'vitest';
import { fixedClock } from '../core/shared/clock.js';
import { startMailingJobs } from './mailing-jobs.js';

function logger() {
  const lines: { level: string; obj: Record<string, unknown> }[] = [];
  return { lines, info: (obj: object) => lines.push({ level: 'info', obj: obj as Record<string, unknown> }), error: (obj: object) => lines.push({ level: 'error', obj: obj as Record<string, unknown> }) };
}

describe('startMailingJobs', () => {
  it('queues due digests and then due newsletters at the clock time, and logs what it queued', async () => {
    const at = new Date('2026-12-06T04:00:00Z');
    const log = logger();
    const calls: string[] = [];
    let finished!: () => void;
    const done = new Promise<void>((resolve) => { finished = resolve; });
    const stop = startMailingJobs({
      digests: { queueDueDigests: async (now) => { calls.push(`digests ${now!.toISOString()}`); return { due: 3, queued: 2, empty: 1 }; } },
      newsletters: { queueDueNewsletters: async (now) => { calls.push(`newsletters ${now!.toISOString()}`); return { sent: ['n1'] }; } },
      clock: fixedClock(at), everyMs: 3_600_000,
      logger: { error: log.error, info: (obj) => { log.info(obj); if ((obj as { event?: string }).event === 'newsletter.queued') finished(); } },
    });
    await done;
    stop();
    expect(calls).toEqual([`digests ${at.toISOString()}`, `newsletters ${at.toISOString()}`]);
    expect(log.lines.map((l) => l.obj.event)).toEqual(['digests.queued', 'newsletter.queued']);
  });

  it('reports a failed round instead of throwing', async () => {
    const log = logger();
    let failed!: () => void;
    const reported = new Promise<void>((resolve) => { failed = resolve; });
    const stop = startMailingJobs({
      digests: { queueDueDigests: async () => { throw new Error('database gone'); } },
      newsletters: { queueDueNewsletters: async () => ({ sent: [] }) },
      clock: fixedClock(new Date()), logger: { info: log.info, error: (obj) => { log.error(obj); failed(); } }, everyMs: 3_600_000,
    });
    await reported;
    stop();
    expect(log.lines).toEqual([{ level: 'error', obj: expect.objectContaining({ event: 'mailings.round_failed' }) }]);
  });
});
