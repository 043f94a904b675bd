/** @module A timer's round that never overlaps itself: a round due while the previous one still runs is skipped, and a failure is reported, never thrown. */

export function oneRoundAtATime(round: () => Promise<void>, onError: (error: unknown) => void): () => Promise<void> {
  let running = false;
  return async () => {
    if (running) return;
    running = true;
    try {
      await round();
    } catch (error) {
      onError(error);
    } finally {
      running = false;
    }
  };
}
