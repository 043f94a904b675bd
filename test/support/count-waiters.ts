/** @module Waiting on a test peer's running count (messages received, pushes decrypted): resolve at a number, reject naming how far it got. */

/** `what` names the peer and `unit` what it counts: "push service", "pushes" → "push service: wanted 3 pushes, got 2 in 50 ms". */
export function createCountWaiters<T>(what: string, unit: string, count: () => number, snapshot: () => T) {
  const waiters = new Set<() => void>();
  return {
    /** Call after the count grows. */
    wake(): void {
      for (const check of [...waiters]) check();
    },
    waitFor(wanted: number, timeoutMs = 10_000): Promise<T> {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (count() < wanted) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(snapshot());
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`${what}: wanted ${wanted} ${unit}, got ${count()} in ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}
