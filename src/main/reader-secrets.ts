/**
 * @module The secrets of readers' features: the key that signs unsubscribe links and the VAPID pair of Web Push. The
 * environment's values win; otherwise each is generated once, stored in the database and shared by every process.
 */
import { randomBytes } from 'node:crypto';
import webpush from 'web-push';
import type { Config } from '../config/config.js';
import type { Clock } from '../core/shared/clock.js';
import { createSqlSecretStore } from '../adapters/db/stores/sql-secret-store.js';
import type { Storage } from './storage.js';

export interface ReaderSecrets {
  /** HMAC key of readers' signed links (unsubscribe, preferences). */
  readerLinkKey: Buffer;
  vapid: { publicKey: string; privateKey: string; subject: string };
}

export async function loadReaderSecrets(
  storage: Pick<Storage, 'db'>, config: Pick<Config, 'readerLinkSecret' | 'vapidKeys' | 'vapidSubject'>, clock: Clock,
): Promise<ReaderSecrets> {
  const secrets = createSqlSecretStore(storage.db);
  const linkSecret = config.readerLinkSecret
    ?? await secrets.getOrCreate('reader-links', () => randomBytes(32).toString('base64url'), clock.now());
  const vapid = config.vapidKeys
    ?? JSON.parse(await secrets.getOrCreate('vapid', () => JSON.stringify(webpush.generateVAPIDKeys()), clock.now())) as { publicKey: string; privateKey: string };
  return {
    readerLinkKey: Buffer.from(linkSecret, 'utf8'),
    vapid: { publicKey: vapid.publicKey, privateKey: vapid.privateKey, subject: config.vapidSubject },
  };
}
