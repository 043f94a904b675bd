/** Polls a condition a bounded number of times and fails naming what never happened: no fixed sleeps in tests. */

export async function waitUntil(condition: () => boolean | Promise<boolean>, what: string, options: { attempts?: number; intervalMs?: number } = {}): Promise<void> {
  const attempts = options.attempts ?? 400;
  const intervalMs = options.intervalMs ?? 25;
  for (let i = 0; i < attempts; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`gave up waiting (${attempts} checks, ${intervalMs} ms apart) for: ${what}`);
}
