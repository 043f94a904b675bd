/** Reader secrets on every engine: made once and shared by processes that start at once, the environment's values winning, never shown as settings. */
import { expect, it } from 'vitest';
import webpush from 'web-push';
import { loadConfig } from '../../src/config/config.js';
import { fixedClock } from '../../src/core/shared/clock.js';
import { loadReaderSecrets } from '../../src/main/reader-secrets.js';
import { openStorage } from '../../src/main/storage.js';
import { describeStorageContract } from './storage-contract.js';

const clock = fixedClock(new Date('2026-12-06T07:00:00.000Z'));

describeStorageContract('reader secrets', ({ freshUrl }) => {
  it('are generated once and shared by two processes that start together, and stay out of the settings', async () => {
    const url = await freshUrl();
    const [a, b] = [await openStorage(url, { poolMax: 2 }), await openStorage(url, { poolMax: 2 })];
    try {
      const config = loadConfig({ ADMIN_EMAIL: 'ops@news.test' });
      const [first, second] = await Promise.all([loadReaderSecrets(a, config, clock), loadReaderSecrets(b, config, clock)]);
      expect(second).toEqual(first);
      expect(first.readerLinkKey.length).toBeGreaterThanOrEqual(32);
      expect(first.vapid.subject).toBe('mailto:ops@news.test');
      expect(() => webpush.setVapidDetails(first.vapid.subject, first.vapid.publicKey, first.vapid.privateKey)).not.toThrow();
      expect(await loadReaderSecrets(a, config, clock)).toEqual(first);
      expect(await a.settings.load()).toEqual({});
      await a.settings.save({ siteName: 'الخبر', siteDescription: 'd', feedFullText: 'on', shareImage: '', publisherLogo: '' }, clock.now());
      expect(Object.keys(await b.settings.load()).sort()).toEqual(['feedFullText', 'publisherLogo', 'shareImage', 'siteDescription', 'siteName']);
      expect(await loadReaderSecrets(b, config, clock)).toEqual(first);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('take the environment\'s values over stored ones', async () => {
    const storage = await openStorage(await freshUrl(), { poolMax: 2 });
    try {
      const stored = await loadReaderSecrets(storage, loadConfig({}), clock);
      const keys = webpush.generateVAPIDKeys();
      const config = loadConfig({ READER_LINK_SECRET: 'ك'.repeat(32), VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey, VAPID_SUBJECT: 'https://news.example.com/' });
      const fromEnv = await loadReaderSecrets(storage, config, clock);
      expect(fromEnv.readerLinkKey.equals(Buffer.from('ك'.repeat(32)))).toBe(true);
      expect(fromEnv.vapid).toEqual({ ...keys, subject: 'https://news.example.com/' });
      expect(fromEnv.vapid.publicKey).not.toBe(stored.vapid.publicKey);
    } finally {
      await storage.close();
    }
  });
});
