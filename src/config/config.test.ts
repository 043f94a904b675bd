import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has working defaults: port 3000 on 127.0.0.1, SQLite in ./data', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.databaseUrl).toMatch(/^sqlite:.*data\/dateline\.db$/);
    expect(config.siteUrl).toBe('http://127.0.0.1:3000');
    expect(config.timeZone).toBe('UTC');
  });

  it('names every invalid variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', TIME_ZONE: 'Mars/Olympus', SITE_URL: 'ftp://x', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const key of ['PORT', 'TIME_ZONE', 'SITE_URL', 'LOG_LEVEL']) expect(problems).toContain(key);
  });

  it('ignores empty variables and trims a trailing slash from SITE_URL', () => {
    const config = loadConfig({ PORT: '', SITE_URL: 'https://news.example.com/' });
    expect(config.port).toBe(3000);
    expect(config.siteUrl).toBe('https://news.example.com');
  });

  it('refuses a database URL it cannot serve, without printing its password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://localhost/x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://news:s3cret@db/x' })).toThrow(/news:\*\*\*@db/);
    expect(() => loadConfig({ DATABASE_URL: '/var/lib/dateline.db' })).toThrow(/sqlite:PATH/);
  });

  it('accepts PostgreSQL URLs, with a pool of 10 connections unless DATABASE_POOL_MAX says otherwise', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://news@db.internal:5432/dateline' });
    expect(config.databaseUrl).toBe('postgres://news@db.internal:5432/dateline');
    expect(config.databasePoolMax).toBe(10);
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/dateline', DATABASE_POOL_MAX: '40' }).databasePoolMax).toBe(40);
    expect(() => loadConfig({ DATABASE_POOL_MAX: '0' })).toThrow(/DATABASE_POOL_MAX/);
    expect(() => loadConfig({ DATABASE_POOL_MAX: 'many' })).toThrow(/DATABASE_POOL_MAX/);
  });

  it('fails a PostgreSQL query after 2 s without a connection unless DATABASE_CONNECT_TIMEOUT_MS says otherwise', () => {
    expect(loadConfig({}).databaseConnectTimeoutMs).toBe(2000);
    expect(loadConfig({ DATABASE_CONNECT_TIMEOUT_MS: '500' }).databaseConnectTimeoutMs).toBe(500);
    expect(() => loadConfig({ DATABASE_CONNECT_TIMEOUT_MS: '0' })).toThrow(/DATABASE_CONNECT_TIMEOUT_MS/);
  });

  it('runs without Redis unless REDIS_URL names one (redis:// or rediss://), never echoing its password', () => {
    expect(loadConfig({})).toMatchObject({ redisUrl: null, redisPrefix: 'dateline' });
    expect(loadConfig({ REDIS_URL: 'rediss://:pw@cache.internal:6380/2', REDIS_PREFIX: 'site-a' })).toMatchObject({ redisUrl: 'rediss://:pw@cache.internal:6380/2', redisPrefix: 'site-a' });
    expect(() => loadConfig({ REDIS_URL: 'http://u:s3cret@cache:6379' })).toThrow(/REDIS_URL="http:\/\/u:\*\*\*@cache:6379\/?"/);
    expect(() => loadConfig({ REDIS_URL: 'cache:6379' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ REDIS_PREFIX: 'a b' })).toThrow(/REDIS_PREFIX/);
  });

  it('guards connections by default (10 s for headers, 120 s per request, 256 per address, 10,000 in all) and takes other limits, 0 meaning no cap', () => {
    expect(loadConfig({}).connectionLimits).toEqual({
      headersTimeoutMs: 10_000, requestTimeoutMs: 120_000, keepAliveTimeoutMs: 5_000, maxRequestsPerSocket: 1_000, maxConnections: 10_000, maxConnectionsPerAddress: 256,
    });
    const config = loadConfig({ HEADERS_TIMEOUT_MS: '2000', REQUEST_TIMEOUT_MS: '30000', KEEP_ALIVE_TIMEOUT_MS: '65000', MAX_REQUESTS_PER_SOCKET: '0', MAX_CONNECTIONS: '50000', MAX_CONNECTIONS_PER_ADDRESS: '0' });
    expect(config.connectionLimits).toEqual({
      headersTimeoutMs: 2000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 65_000, maxRequestsPerSocket: 0, maxConnections: 50_000, maxConnectionsPerAddress: 0,
    });
  });

  it('leaves the per-address cap off behind a trusted proxy (every reader arrives from its address) unless it is set', () => {
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1' }).connectionLimits.maxConnectionsPerAddress).toBe(0);
    expect(loadConfig({ TRUST_PROXY: 'true' }).connectionLimits.maxConnectionsPerAddress).toBe(0);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8', MAX_CONNECTIONS_PER_ADDRESS: '5000' }).connectionLimits.maxConnectionsPerAddress).toBe(5000);
    expect(loadConfig({ TRUST_PROXY: 'off' }).connectionLimits.maxConnectionsPerAddress).toBe(256);
  });

  it('refuses connection limits that cannot work, naming each', () => {
    expect(() => loadConfig({ MAX_CONNECTIONS_PER_ADDRESS: '-1' })).toThrow(/MAX_CONNECTIONS_PER_ADDRESS/);
    expect(() => loadConfig({ HEADERS_TIMEOUT_MS: 'soon' })).toThrow(/HEADERS_TIMEOUT_MS/);
    expect(() => loadConfig({ HEADERS_TIMEOUT_MS: '60000', REQUEST_TIMEOUT_MS: '30000' })).toThrow(/HEADERS_TIMEOUT_MS=60000: must not exceed REQUEST_TIMEOUT_MS/);
  });

  it('writes e-mail to DATA_DIR/mail without SMTP_URL, and takes smtp:// or smtps:// without echoing its password', () => {
    const config = loadConfig({ DATA_DIR: '/srv/dateline' });
    expect(config).toMatchObject({ smtpUrl: null, mailDir: '/srv/dateline/mail', mailRatePerSecond: 20 });
    expect(loadConfig({ SMTP_URL: 'smtps://news:pw@mail.example.com:465', MAIL_RATE_PER_SECOND: '5' })).toMatchObject({ smtpUrl: 'smtps://news:pw@mail.example.com:465', mailRatePerSecond: 5 });
    expect(() => loadConfig({ SMTP_URL: 'http://news:s3cret@mail.example.com' })).toThrow(/SMTP_URL="http:\/\/news:\*\*\*@mail\.example\.com\/?"/);
    expect(() => loadConfig({ SMTP_URL: 'mail.example.com:25' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ MAIL_RATE_PER_SECOND: '0' })).toThrow(/MAIL_RATE_PER_SECOND/);
  });

  it('sends from "SITE_NAME" <no-reply@SITE_URL host> unless MAIL_FROM names an address, with any Unicode display name', () => {
    expect(loadConfig({ SITE_NAME: 'الخبر', SITE_URL: 'https://news.example.com' }).mailFrom).toEqual({ name: 'الخبر', address: 'no-reply@news.example.com' });
    expect(loadConfig({ MAIL_FROM: 'desk@news.example.com' }).mailFrom).toEqual({ name: '', address: 'desk@news.example.com' });
    expect(loadConfig({ MAIL_FROM: '"日報, 東京" <desk@news.example.com>' }).mailFrom).toEqual({ name: '日報, 東京', address: 'desk@news.example.com' });
    expect(loadConfig({ MAIL_FROM: 'Новости 📰 <desk@news.example.com>' }).mailFrom).toEqual({ name: 'Новости 📰', address: 'desk@news.example.com' });
    for (const bad of ['Daily News', 'desk@', '<desk@news.example.com', 'News <desk@x.test>\r\nBcc: all@x.test', 'a <b> <c@d.test>']) {
      expect(() => loadConfig({ MAIL_FROM: bad }), bad).toThrow(/MAIL_FROM/);
    }
  });

  it('takes VAPID keys only as a valid pair, with mailto:ADMIN_EMAIL as the default subject, and a reader link secret of 32+ characters', () => {
    const publicKey = `B${'A'.repeat(86)}`;
    const privateKey = 'A'.repeat(43);
    expect(loadConfig({ ADMIN_EMAIL: 'ops@news.test' })).toMatchObject({ vapidKeys: null, vapidSubject: 'mailto:ops@news.test', readerLinkSecret: null });
    expect(loadConfig({ VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, VAPID_SUBJECT: 'https://news.example.com/contact' }))
      .toMatchObject({ vapidKeys: { publicKey, privateKey }, vapidSubject: 'https://news.example.com/contact' });
    expect(() => loadConfig({ VAPID_PUBLIC_KEY: publicKey })).toThrow(/VAPID_PRIVATE_KEY="": set both/);
    expect(() => loadConfig({ VAPID_PUBLIC_KEY: 'A'.repeat(87), VAPID_PRIVATE_KEY: privateKey })).toThrow(/VAPID_PUBLIC_KEY/);
    expect(() => loadConfig({ VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: 'short' })).toThrow(/VAPID_PRIVATE_KEY/);
    expect(() => loadConfig({ VAPID_SUBJECT: 'http://news.example.com' })).toThrow(/VAPID_SUBJECT/);
    expect(loadConfig({ READER_LINK_SECRET: 'x'.repeat(32) }).readerLinkSecret).toBe('x'.repeat(32));
    expect(() => loadConfig({ READER_LINK_SECRET: 'too short' })).toThrow(/READER_LINK_SECRET/);
  });
});
