import { createDealScout, createManualClock, silentLogger } from '@deal-scout/core';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { accountSid, authToken, fromNumber, messagesUrl } from '../test/twilio-fixtures';
import { createTwilioChannel } from './create-twilio-channel';

// The channel composed into the real runtime: outbox → dispatcher → channel → simulated Twilio,
// and the dispatcher's reaction to the delivery kinds the channel reports.
const bodies: URLSearchParams[] = [];
const created = () => HttpResponse.json({ sid: `SM${'e'.repeat(32)}`, status: 'queued' }, { status: 201 });
let answer: () => Response = created;

const server = setupServer(
  http.post(messagesUrl, async ({ request }) => {
    bodies.push(new URLSearchParams(await request.text()));
    return answer();
  }),
);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  bodies.length = 0;
  answer = created;
});
afterAll(() => server.close());

function compose() {
  return createDealScout({
    clock: createManualClock('2026-11-24T15:00:00Z'),
    logger: silentLogger,
    channels: [createTwilioChannel({ accountSid, authToken, from: fromNumber, env: {} })],
  });
}

describe('the Twilio channel inside createDealScout', () => {
  it('delivers a verification code through the outbox and logs the message SID', async () => {
    const scout = compose();
    await scout.notifications.preferences.updateAddresses({ userId: 'u1', phone: '+14155550123' });
    await scout.notifications.send({
      userId: 'u1',
      channel: 'sms',
      idempotencyKey: 'verify-u1-1',
      message: { kind: 'verification_code', code: '482913' },
    });
    await scout.notifications.dispatcher.drain();

    expect(bodies).toHaveLength(1);
    expect(bodies[0]?.get('To')).toBe('+14155550123');
    expect(bodies[0]?.get('Body')).toContain('482913');
    const { items } = await scout.notifications.deliveries({ userId: 'u1' });
    expect(items[0]).toMatchObject({ status: 'sent', providerMessageId: `SM${'e'.repeat(32)}` });
  });

  it('21610 (the user replied STOP) fails the message once and turns SMS off for the user', async () => {
    const scout = compose();
    await scout.notifications.preferences.updateAddresses({ userId: 'u2', phone: '+14155550124' });
    await scout.notifications.preferences.updateChannels({ userId: 'u2', channels: ['sms', 'email'] });
    answer = () =>
      HttpResponse.json(
        { code: 21610, message: 'Attempt to send to unsubscribed recipient', status: 400 },
        { status: 400 },
      );
    await scout.notifications.send({
      userId: 'u2',
      channel: 'sms',
      idempotencyKey: 'order-77',
      message: { kind: 'order_status', orderId: '77', itemTitle: 'Trek road bike', status: 'shipped' },
    });
    await scout.notifications.dispatcher.drain();

    expect(bodies).toHaveLength(1);
    const { items } = await scout.notifications.deliveries({ userId: 'u2' });
    expect(items[0]?.status).toBe('failed');
    expect(items[0]?.lastError).toContain('21610');
    expect(items[0]?.lastError).not.toContain(authToken);
    expect((await scout.notifications.preferences.get('u2')).channels).not.toContain('sms');
  });
});
