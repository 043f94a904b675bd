/** @module The EdgePurger port: tells a shared cache in front of Dateline (Varnish, a CDN) to drop every page carrying some surrogate keys. */

export interface EdgePurger {
  /** Where purges go, for logs (no credentials). */
  readonly target: string;
  /** Resolves once the edge confirmed the purge; rejects on a network error or a non-2xx answer. */
  purge(keys: readonly string[]): Promise<void>;
}

/** Fails a purge that gets no answer, so a hung edge cannot pile up requests. */
export const PURGE_TIMEOUT_MS = 5_000;

export class EdgePurgeError extends Error {
  constructor(readonly target: string, readonly status: number | null, detail: string) {
    super(`purge at ${target} failed: ${detail}`);
    this.name = 'EdgePurgeError';
  }
}

/** Sends one purge request and turns anything but a 2xx into an EdgePurgeError. User info in the URL becomes Basic auth. */
export async function sendPurge(target: string, url: string, init: RequestInit & { headers: Record<string, string> }): Promise<void> {
  const parsed = new URL(url);
  const headers = { ...init.headers };
  if (parsed.username && !headers['authorization']) {
    headers['authorization'] = `Basic ${Buffer.from(`${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`).toString('base64')}`;
  }
  parsed.username = '';
  parsed.password = '';
  let response: Response;
  try {
    response = await fetch(parsed, { ...init, headers, redirect: 'manual', signal: AbortSignal.timeout(PURGE_TIMEOUT_MS) });
  } catch (error) {
    throw new EdgePurgeError(target, null, (error as Error).message);
  }
  // The body is a short status page at most; read it so the connection is released.
  const body = await response.text().catch(() => '');
  if (response.status < 200 || response.status > 299) throw new EdgePurgeError(target, response.status, `HTTP ${response.status} ${body.slice(0, 120)}`.trim());
}

/** The URL without user info or query, safe to log. */
export function describeTarget(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
}
