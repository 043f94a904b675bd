/** @module Starts a timer's rounds: one now, then one every `everyMs`; the timer never keeps the process alive. */

/** Returns the function that stops the timer. */
export function repeatEvery(round: () => Promise<void>, everyMs: number): () => void {
  void round();
  const timer = setInterval(() => void round(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
