/** @module Holds a long-running command (`deliver`, `topics --watch`) until SIGINT or SIGTERM. */

/**
 * Resolves on the first SIGINT or SIGTERM. The wait itself holds the process: the commands' own timers are unref'd
 * (a serving process's server holds it there), and without a hold Node exits (code 13, an unsettled await) the first
 * moment nothing is in flight.
 */
export async function untilStopSignal(): Promise<void> {
  const holding = setInterval(() => undefined, 3_600_000);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  clearInterval(holding);
}
