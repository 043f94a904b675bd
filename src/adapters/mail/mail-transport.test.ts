/** Without SMTP_URL: each message is written to DATA_DIR/mail as an .eml file that opens as the e-mail it would have been. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, expect, it } from 'vitest';
import { openMailTransport } from './mail-transport.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it('writes the message as an .eml file and logs its subject and recipient, never its body', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-mail-'));
  dirs.push(dir);
  const logged: unknown[] = [];
  const transport = openMailTransport({ smtpUrl: null, mailDir: join(dir, 'mail'), logger: { info: (entry: unknown) => logged.push(entry) } });
  await transport.sendMail({
    from: { name: 'الخبر', address: 'no-reply@localhost' }, to: 'reader@example.net', subject: 'رابط الدخول 🔑',
    html: '<p><a href="http://127.0.0.1:3000/account/sign-in/abc">Sign in</a></p>', text: 'Sign in: http://127.0.0.1:3000/account/sign-in/abc',
    messageId: '<d-1@localhost>', headers: { 'Auto-Submitted': 'auto-generated' },
  });
  transport.close();
  const files = readdirSync(join(dir, 'mail'));
  expect(files).toHaveLength(1);
  expect(files[0]).toMatch(/d-1localhost\.eml$/);
  const mail = await simpleParser(readFileSync(join(dir, 'mail', files[0]!)));
  expect(mail.subject).toBe('رابط الدخول 🔑');
  expect(mail.text).toContain('http://127.0.0.1:3000/account/sign-in/abc');
  expect(mail.from?.value[0]).toMatchObject({ name: 'الخبر', address: 'no-reply@localhost' });
  expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
  expect(logged).toEqual([expect.objectContaining({ event: 'mail.written', to: 'reader@example.net', subject: 'رابط الدخول 🔑' })]);
  expect(JSON.stringify(logged)).not.toContain('sign-in/abc');
});
