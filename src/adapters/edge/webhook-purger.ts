/** @module Purges a CDN through a webhook: POST `{"keys":[…]}` as JSON to a configured URL (a CDN's purge API or a small relay in front of it). */
import { describeTarget, sendPurge, type EdgePurger } from './edge-purger.js';
import { surrogateKey } from './surrogate-key.js';

export function createWebhookPurger(url: string, options: { token?: string | null } = {}): EdgePurger {
  const target = describeTarget(url);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  return {
    target,
    purge: (keys) => sendPurge(target, url, { method: 'POST', headers, body: JSON.stringify({ keys: [...new Set(keys.map(surrogateKey))] }) }),
  };
}
