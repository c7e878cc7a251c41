import { createServer, type Server } from 'node:net';
import { ConfigurationError, NotificationDeliveryError } from '@deal-scout/core';
import { errorText } from '@deal-scout/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectRefused } from '../test/expect-refused';
import { startSmtpTestServer } from '../test/smtp-test-server';
import { createEmailChannel, type EmailChannel } from './create-email-channel';

const password = 'smtp-Pa55word-7d2e';
const from = 'Deal Scout <deals@alerts.example.com>';

let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
const channels: EmailChannel[] = [];

beforeAll(async () => {
  smtp = await startSmtpTestServer({ auth: { user: 'scout', pass: password } });
});
afterEach(() => {
  for (const channel of channels.splice(0)) channel.close();
});
afterAll(async () => {
  await smtp.close();
});

function channel(overrides: Parameters<typeof createEmailChannel>[0] = {}): EmailChannel {
  const created = createEmailChannel({
    host: smtp.host,
    port: smtp.port,
    auth: { user: 'scout', pass: password },
    from,
    timeoutMs: 2000,
    env: {},
    ...overrides,
  });
  channels.push(created);
  return created;
}

const digest = (email = 'ada@example.org') => ({
  recipient: { kind: 'email' as const, email, name: 'Ada Lovelace' },
  subject: 'Your daily deals: 3 new matches',
  text: 'Gaming PC — $420 (market $610)\nhttps://deals.example/l/1',
  html: '<p><strong>Gaming PC</strong> — $420 <s>$610</s></p><p>&lt;script&gt; stays text</p>',
  headers: {
    'List-Unsubscribe':
      '<https://deals.example/unsubscribe/opaque-token-123>, <mailto:unsubscribe@alerts.example.com>',
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  },
});

async function sendError(promise: PromiseLike<unknown>): Promise<NotificationDeliveryError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(NotificationDeliveryError);
    return error as NotificationDeliveryError;
  }
  throw new Error('expected the send to fail');
}

describe('createEmailChannel against a real SMTP server', () => {
  it('delivers html and text parts with one-click unsubscribe headers, parsed back intact', async () => {
    const before = smtp.received.length;
    const result = await channel().doSend(digest(), { idempotencyKey: 'digest:u1:2026-11-24:email' });

    const mail = smtp.received[before];
    expect(mail).toBeDefined();
    expect(mail?.user).toBe('scout');
    expect(mail?.envelope).toEqual({ from: 'deals@alerts.example.com', to: ['ada@example.org'] });
    const parsed = mail!.parsed;
    expect(parsed.subject).toBe('Your daily deals: 3 new matches');
    expect(parsed.from?.value[0]).toMatchObject({ address: 'deals@alerts.example.com', name: 'Deal Scout' });
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value[0] : null).toMatchObject({
      address: 'ada@example.org',
      name: 'Ada Lovelace',
    });
    expect(parsed.text?.trim()).toBe(digest().text);
    expect(parsed.html).toContain('<strong>Gaming PC</strong>');
    expect(parsed.html).toContain('&lt;script&gt; stays text');
    expect(mail!.raw).toMatch(/^Content-Type: multipart\/alternative/m);
    // mailparser folds List-* headers into one structured `list` header; read the lines as sent.
    const line = (key: string) => parsed.headerLines.find((header) => header.key === key)?.line;
    expect(line('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(line('list-unsubscribe')).toMatch(
      /^List-Unsubscribe: <https:\/\/deals\.example\/unsubscribe\/opaque-token-123>/,
    );
    expect(parsed.headers.get('list')).toMatchObject({
      unsubscribe: { url: 'https://deals.example/unsubscribe/opaque-token-123' },
    });
    expect(result.providerMessageId).toBe(parsed.messageId);
    expect(result.providerMessageId).toMatch(/^<[0-9a-f]{32}@alerts\.example\.com>$/);
  });

  it('gives a resend after a crash the same Message-ID, and other notifications another', async () => {
    const email = channel();
    const first = await email.doSend(digest(), { idempotencyKey: 'alert:u1:r1:l1:email' });
    const again = await email.doSend(digest(), { idempotencyKey: 'alert:u1:r1:l1:email' });
    const other = await email.doSend(digest(), { idempotencyKey: 'alert:u1:r1:l2:email' });
    expect(again.providerMessageId).toBe(first.providerMessageId);
    expect(other.providerMessageId).not.toBe(first.providerMessageId);
  });

  it('sends text-only mail when there is no html part', async () => {
    const before = smtp.received.length;
    const { html: _html, headers: _headers, ...plain } = digest();
    await channel().doSend(plain, { idempotencyKey: 'k-plain' });
    const mail = smtp.received[before]!;
    expect(mail.parsed.html).toBe(false);
    expect(mail.raw).toMatch(/^Content-Type: text\/plain/m);
  });

  it('reads the connection from SMTP_URL and the sender from SMTP_FROM', async () => {
    const before = smtp.received.length;
    const email = createEmailChannel({
      env: {
        SMTP_URL: `smtp://scout:${encodeURIComponent(password)}@${smtp.host}:${smtp.port}`,
        SMTP_FROM: 'alerts@alerts.example.com',
      },
      timeoutMs: 2000,
    });
    channels.push(email);
    await email.doSend(digest('env@example.org'), { idempotencyKey: 'k-env' });
    expect(smtp.received[before]?.envelope.to).toEqual(['env@example.org']);
  });
});

describe('createEmailChannel error mapping', () => {
  it.each([
    [
      '550 user unknown',
      550,
      '5.1.1 <gone@example.org>: Recipient address rejected: User unknown',
      'invalid_recipient',
    ],
    ['553 bad mailbox name', 553, '5.1.3 Bad recipient address syntax', 'invalid_recipient'],
    ['551 user not local', 551, '5.1.6 User has moved', 'invalid_recipient'],
    ['552 mailbox full (temporary at RCPT, RFC 5321)', 552, '5.2.2 Mailbox full', 'transient'],
    ['450 mailbox busy', 450, '4.2.1 Mailbox temporarily unavailable', 'transient'],
    ['451 greylisted', 451, '4.7.1 Greylisted, try again later', 'transient'],
  ] as const)('RCPT TO answered %s → %s', async (_label, code, text, kind) => {
    const address = `rcpt-${code}@example.org`;
    smtp.rejectRecipient(address, { code, message: text });
    const error = await sendError(channel().doSend(digest(address), { idempotencyKey: 'k' }));
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(code);
    expect(error.providerCode).toBe(String(code));
    expect(error.message).toContain(text.split(' ')[0]);
    expect(errorText(error)).not.toContain(password);
  });

  it.each([
    ['554 spam', 554, '5.7.1 Message rejected as spam', 'rejected'],
    ['552 too big', 552, '5.3.4 Message size exceeds fixed limit', 'rejected'],
    ['451 local error', 451, '4.3.0 Local error in processing', 'transient'],
  ] as const)('DATA answered %s → %s', async (_label, code, text, kind) => {
    const address = `data-${code}-${kind}@example.org`;
    smtp.rejectData(address, { code, message: text });
    const error = await sendError(channel().doSend(digest(address), { idempotencyKey: 'k' }));
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(code);
    expect(errorText(error)).not.toContain(password);
  });

  it('a refused login is rejected, says which settings to check, and never shows the password', async () => {
    const wrong = 'wrong-Secret-9f8e7d';
    const error = await sendError(
      channel({ auth: { user: 'scout', pass: wrong } }).doSend(digest(), { idempotencyKey: 'k' }),
    );
    expect(error.kind).toBe('rejected');
    expect(error.status).toBe(535);
    expect(error.message).toMatch(/SMTP_PASSWORD/);
    expect(errorText(error)).not.toContain(wrong);
    expect(errorText(error)).not.toContain(Buffer.from(`\0scout\0${wrong}`).toString('base64'));
  });

  describe('when the server cannot be reached', () => {
    let silent: Server;
    let silentPort = 0;
    beforeAll(async () => {
      // Accepts TCP but never greets: the greeting timeout must fire.
      silent = createServer(() => {});
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      silentPort = (silent.address() as { port: number }).port;
    });
    afterAll(() => new Promise<void>((resolve) => silent.close(() => resolve())));

    it('a refused connection is transient', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as { port: number }).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const error = await sendError(channel({ port }).doSend(digest(), { idempotencyKey: 'k' }));
      expect(error.kind).toBe('transient');
      expect(errorText(error)).not.toContain(password);
    });

    it('a server that never greets times out as transient', async () => {
      const error = await sendError(
        channel({ port: silentPort, timeoutMs: 300 }).doSend(digest(), { idempotencyKey: 'k' }),
      );
      expect(error.kind).toBe('transient');
      expect(errorText(error)).not.toContain(password);
    });
  });
});

describe('createEmailChannel inputs and settings', () => {
  it.each([
    [
      'an SMS recipient',
      { ...digest(), recipient: { kind: 'sms', phone: '+14155550123' } },
      'recipient.kind',
    ],
    ['a bad address', digest('not an address'), 'recipient.email'],
    [
      'a subject with a line break',
      { ...digest(), subject: 'Deals\r\nBcc: everyone@example.org' },
      'subject',
    ],
    [
      'a header value with a line break',
      { ...digest(), headers: { 'X-Campaign': 'a\r\nBcc: x@example.org' } },
      'headers.X-Campaign',
    ],
    ['a reserved header', { ...digest(), headers: { Bcc: 'x@example.org' } }, 'headers.Bcc'],
    [
      'one-click unsubscribe without an https URI',
      {
        ...digest(),
        headers: {
          'List-Unsubscribe': '<mailto:u@example.org>',
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      },
      'headers.List-Unsubscribe',
    ],
    [
      'a wrong List-Unsubscribe-Post value',
      {
        ...digest(),
        headers: { 'List-Unsubscribe': '<https://u.example/x>', 'List-Unsubscribe-Post': 'yes' },
      },
      'headers.List-Unsubscribe-Post',
    ],
    ['no subject', { ...digest(), subject: undefined }, 'subject'],
  ])('refuses %s before connecting', async (_label, input, field) => {
    const before = smtp.received.length;
    const error = await channel()
      .doSend(input as Parameters<EmailChannel['doSend']>[0], { idempotencyKey: 'k' })
      .then(
        () => null,
        (caught: unknown) => caught,
      );
    expectRefused(error, field);
    expect(smtp.received.length).toBe(before);
  });

  it('fails at creation without a sender or host, never echoing SMTP_URL', () => {
    expect(() => createEmailChannel({ host: 'smtp.example.com', env: {} })).toThrow(/SMTP_FROM/);
    expect(() => createEmailChannel({ from, env: {} })).toThrow(/SMTP_HOST/);
    const leaky = `http://user:${password}@smtp.example.com`;
    try {
      createEmailChannel({ from, env: { SMTP_URL: leaky } });
      throw new Error('expected a ConfigurationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(errorText(error)).not.toContain(password);
    }
  });

  it('declares limits from the pool size and the relay rate', () => {
    const email = channel({ maxConnections: 3, messagesPerSecond: 14 });
    expect(email.limits).toEqual({ concurrency: 3, intervalCap: 14, intervalMs: 1000 });
    expect(email.capabilities).toEqual({ idempotentSends: false, html: true, images: true });
  });

  it('uses a host-supplied transport as given', async () => {
    const sent: unknown[] = [];
    const email = createEmailChannel({
      from,
      env: {},
      transport: {
        async sendMail(options) {
          sent.push(options);
          return { messageId: String(options.messageId) };
        },
      },
    });
    const result = await email.doSend(digest(), { idempotencyKey: 'k-host' });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ from, subject: digest().subject, headers: digest().headers });
    expect(result.providerMessageId).toMatch(/@alerts\.example\.com>$/);
  });
});
