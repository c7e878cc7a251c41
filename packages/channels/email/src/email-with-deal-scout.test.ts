import { createDealScout, createManualClock, silentLogger } from '@deal-scout/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpTestServer } from '../test/smtp-test-server';
import { createEmailChannel, type EmailChannel } from './create-email-channel';

// The channel composed into the real runtime: preferences, outbox and dispatcher against the
// in-process SMTP server.
let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
const channels: EmailChannel[] = [];

beforeAll(async () => {
  smtp = await startSmtpTestServer();
});
afterAll(async () => {
  for (const channel of channels) channel.close();
  await smtp.close();
});

function compose() {
  const email = createEmailChannel({
    host: smtp.host,
    port: smtp.port,
    from: 'Deal Scout <deals@alerts.example.com>',
    timeoutMs: 2000,
    env: {},
  });
  channels.push(email);
  return createDealScout({
    clock: createManualClock('2026-11-24T15:00:00Z'),
    logger: silentLogger,
    channels: [email],
    notifications: {
      unsubscribeUrl: ({ userId, list }) => `https://deals.example/unsubscribe/${userId}/${list}`,
    },
  });
}

const order = (id: string) => ({
  kind: 'order_status' as const,
  orderId: id,
  itemTitle: 'Trek road bike <54cm>',
  status: 'shipped',
});

describe('the email channel inside createDealScout', () => {
  it('delivers through the outbox and logs the Message-ID the server received', async () => {
    const scout = compose();
    await scout.notifications.preferences.updateAddresses({ userId: 'u1', email: 'ada@example.org' });
    const before = smtp.received.length;
    await scout.notifications.send({
      userId: 'u1',
      channel: 'email',
      idempotencyKey: 'o-1',
      message: order('1'),
    });
    await scout.notifications.dispatcher.drain();

    const mail = smtp.received[before];
    expect(mail?.envelope.to).toEqual(['ada@example.org']);
    expect(mail?.parsed.text).toContain('Trek road bike <54cm>');
    const { items } = await scout.notifications.deliveries({ userId: 'u1' });
    expect(items[0]).toMatchObject({ status: 'sent', providerMessageId: mail?.parsed.messageId });
  });

  it('550 user unknown marks the address invalid and fails the message without retrying', async () => {
    const scout = compose();
    await scout.notifications.preferences.updateAddresses({ userId: 'u2', email: 'gone@example.org' });
    smtp.rejectRecipient('gone@example.org', { code: 550, message: '5.1.1 User unknown' });
    const before = smtp.received.length;
    await scout.notifications.send({
      userId: 'u2',
      channel: 'email',
      idempotencyKey: 'o-2',
      message: order('2'),
    });
    await scout.notifications.dispatcher.drain();

    expect(smtp.received.length).toBe(before);
    const { items } = await scout.notifications.deliveries({ userId: 'u2' });
    expect(items[0]?.status).toBe('failed');
    expect(items[0]?.attempts).toBe(1);
    expect((await scout.notifications.preferences.get('u2')).addresses).toMatchObject({ emailInvalid: true });
  });
});
