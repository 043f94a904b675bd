/** One round at a time: a round due while another runs is skipped, and a failure is reported, never thrown. */
import { describe, expect, it } from 'vitest';
import { oneRoundAtATime } from './one-round-at-a-time.js';

describe('oneRoundAtATime', () => {
  it('skips a round due while the previous one runs, and runs the next one after it ended', async () => {
    let runs = 0;
    let finish = () => {};
    const round = oneRoundAtATime(() => new Promise<void>((resolve) => { runs++; finish = resolve; }), () => {});
    const first = round();
    await round(); // the first is still running: skipped at once
    expect(runs).toBe(1);
    finish();
    await first;
    const third = round();
    expect(runs).toBe(2);
    finish();
    await third;
  });

  it('reports a failed round instead of rejecting, and runs again afterwards', async () => {
    const errors: unknown[] = [];
    let fail = true;
    let runs = 0;
    const round = oneRoundAtATime(async () => {
      runs++;
      if (fail) throw new Error('database away');
    }, (error) => errors.push(error));
    await round();
    fail = false;
    await round();
    expect(runs).toBe(2);
    expect(errors).toEqual([new Error('database away')]);
  });
});
