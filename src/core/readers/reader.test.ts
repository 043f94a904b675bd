/** Reader addresses: one mailbox, strictly; hostile strings a mailer would split or reinterpret are refused, Unicode addresses kept. */
import { describe, expect, it } from 'vitest';
import { isReaderEmail, normaliseReaderEmail } from './reader.js';

describe('isReaderEmail', () => {
  it('refuses anything a mailer would read as more than one recipient, a display name, a route or a comment', () => {
    const hostile = [
      'postmaster,x@evil.com', 'a@example.com,b@evil.com', 'a@example.com;b@evil.com', 'Eve <eve@evil.com>', '<eve@evil.com>',
      '"a@b"@example.com', 'a:b@example.com', 'group:a@example.com;', 'a(comment)@example.com', 'a@[127.0.0.1]', 'a\\b@example.com',
      'a b@example.com', 'a@exa mple.com', 'a\t@example.com', 'a\n@example.com', 'a\r\nBcc: x@evil.com', 'a\u0000@example.com',
      'a\u202e@example.com', 'a\u2028@example.com', 'a\u00ad@example.com', 'a@@example.com', 'a@b@example.com', '.a@example.com',
      'a.@example.com', 'a..b@example.com', 'a@-example.com', 'a@example-.com', 'a@example..com', 'a@.example.com', 'a@example.123',
      'a@localhost', '@example.com', 'a@', '', `${'a'.repeat(65)}@example.com`, `a@${'b'.repeat(64)}.com`,
    ];
    for (const address of hostile) expect([address, isReaderEmail(address)]).toEqual([address, false]);
  });

  it('accepts ordinary and Unicode addresses: dots and plus in the local part, internationalised domains, non-Latin local parts', () => {
    const valid = [
      'reader@example.com', 'first.last+news@example.co.uk', "o'brien@example.ie", 'user@مثال.إختبار', 'قارئ@مثال.مصر',
      'читатель@пример.рф', '読者@例え.テスト', 'x-y_z@sub-domain.example.org', 'emoji🚀@example.com', 'a@xn--mgbh0fb.xn--kgbechtv',
    ];
    for (const address of valid) expect([address, isReaderEmail(normaliseReaderEmail(address))]).toEqual([address, true]);
  });
});
