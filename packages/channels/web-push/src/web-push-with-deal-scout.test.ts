import { createDealScout, createManualClock, silentLogger } from '@deal-scout/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSubscription, startPushTestServer } from '../test/push-test-server';
import { createWebPushChannel, generateVapidKeys } from './create-web-push-channel';

// The channel composed into the real runtime: preferences, outbox and dispatcher against the
// local push endpoint.
const audience = 'https://push.example.test';
const vapid = generateVapidKeys();
let push: Awaited<ReturnType<typeof startPushTestServer>>;

beforeAll(async () => {
  push = await startPushTestServer({ audience });
});
afterAll(async () => {
  await push.close();
});

function compose() {
  return createDealScout({
    clock: createManualClock('2026-11-24T15:00:00Z'),
    logger: silentLogger,
    channels: [
      createWebPushChannel({
        vapidSubject: 'mailto:alerts@deals.example',
        vapidPublicKey: vapid.publicKey,
        vapidPrivateKey: vapid.privateKey,
        fetch: push.fetch,
        env: {},
      }),
    ],
  });
}

const order = (id: string) => ({
  kind: 'order_status' as const,
  orderId: id,
  itemTitle: 'Sony PlayStation 5',
  status: 'shipped',
});

describe('the web push channel inside createDealScout', () => {
  it('delivers to the stored subscription with valid VAPID and encryption headers', async () => {
    const scout = compose();
    const subscription = makeSubscription(`${audience}/e2e/ok`);
    await scout.notifications.preferences.addPushSubscription({ userId: 'u1', subscription });
    await scout.notifications.send({
      userId: 'u1',
      channel: 'push',
      idempotencyKey: 'o-1',
      message: order('1'),
    });
    await scout.notifications.dispatcher.drain();

    const seen = push.requests.filter((request) => request.path === '/e2e/ok');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.problems).toEqual([]);
    const { items } = await scout.notifications.deliveries({ userId: 'u1' });
    expect(items[0]).toMatchObject({ status: 'sent', providerMessageId: expect.stringContaining(audience) });
  });

  it('410 Gone deletes the subscription and fails the message without retrying', async () => {
    const scout = compose();
    const subscription = makeSubscription(`${audience}/e2e/gone`);
    await scout.notifications.preferences.addPushSubscription({ userId: 'u2', subscription });
    push.reply('/e2e/gone', { status: 410, body: 'push subscription has unsubscribed or expired' });
    await scout.notifications.send({
      userId: 'u2',
      channel: 'push',
      idempotencyKey: 'o-2',
      message: order('2'),
    });
    await scout.notifications.dispatcher.drain();

    expect(push.requests.filter((request) => request.path === '/e2e/gone')).toHaveLength(1);
    const { items } = await scout.notifications.deliveries({ userId: 'u2' });
    expect(items[0]?.status).toBe('failed');
    expect(items[0]?.lastError).not.toContain(vapid.privateKey);
    expect((await scout.notifications.preferences.get('u2')).addresses.pushSubscriptions).toEqual([]);
  });
});
