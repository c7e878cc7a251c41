import { describe, expect, it } from 'vitest';
import { NotificationDeliveryError } from '../../errors/notification-delivery-error';
import { createMemoryStorage } from '../../memory/storage';
import type { StorageV1 } from '../../storage/v1/storage-v1';
import { createNotificationsHarness, testWebhookUrl } from '../testing/notifications-harness';

const addresses = {
  email: 'ana@example.com',
  phone: '+14155550123',
  discordWebhookUrl: testWebhookUrl,
  pushSubscriptions: [
    { endpoint: 'https://push.example/a', keys: { p256dh: 'p', auth: 'a' } },
    { endpoint: 'https://push.example/b', keys: { p256dh: 'p', auth: 'a' } },
  ],
};

async function setup(
  options: Parameters<typeof createNotificationsHarness>[0] = {},
  channels = ['sms'] as const,
) {
  const h = createNotificationsHarness(options);
  await h.setPreferences({ userId: 'u1', channels: [...channels], addresses });
  const rule = h.rule('u1');
  const alert = async (id: string) => h.service.handleAlertMatch(h.match(rule, await h.listing(id)));
  return { h, alert };
}

describe('outbox dispatcher', () => {
  it('sends through the channel with the outbox id as idempotency key and records the outcome', async () => {
    const { h, alert } = await setup();
    const outcome = await alert('1');
    const [id] = outcome.status === 'enqueued' ? outcome.entryIds : [];
    expect(await h.service.dispatcher.drain()).toBe(1);
    expect(h.channels.sms.sent).toHaveLength(1);
    expect(h.channels.sms.sent[0]).toMatchObject({
      idempotencyKey: id,
      message: { recipient: { kind: 'sms', phone: '+14155550123' } },
    });
    expect(await h.storage.outbox.get(id as string)).toMatchObject({
      status: 'sent',
      attempts: 1,
      providerMessageId: 'rec-sms-1',
    });
    expect(h.eventsNamed('notification.sent')).toEqual([
      { id, userId: 'u1', channel: 'sms', attempts: 1, providerMessageId: 'rec-sms-1' },
    ]);
    const log = await h.service.deliveries({ userId: 'u1', status: 'sent' });
    expect(log.items).toMatchObject([
      { id, kind: 'deal_alert', status: 'sent', channel: 'sms', listingId: 'ebay:1' },
    ]);
  });

  it('retries a transient failure with exponential backoff and full jitter', async () => {
    const { h, alert } = await setup();
    h.channels.sms.failNext('transient', 2);
    await alert('1');
    await h.service.dispatcher.drain();
    // random() = 0.5: first backoff 0.5 × 1000 ms, second 0.5 × 2000 ms.
    expect(h.eventsNamed('notification.retry_scheduled').map((event) => event.delayMs)).toEqual([500]);
    await h.clock.advance(500);
    await h.service.dispatcher.drain();
    expect(h.eventsNamed('notification.retry_scheduled').map((event) => event.delayMs)).toEqual([500, 1000]);
    await h.clock.advance(999);
    expect(await h.service.dispatcher.drain()).toBe(0);
    await h.clock.advance(1);
    await h.service.dispatcher.drain();
    expect(h.channels.sms.sent).toHaveLength(1);
    expect(h.eventsNamed('notification.sent')[0]?.attempts).toBe(3);
  });

  it('honours Retry-After for the entry', async () => {
    const { h, alert } = await setup();
    h.channels.sms.failNext(
      new NotificationDeliveryError({
        message: 'slow down',
        source: 'rec-sms',
        kind: 'transient',
        status: 429,
        retryAfterMs: 30_000,
      }),
    );
    await alert('1');
    await h.service.dispatcher.drain();
    const [entry] = (await h.storage.outbox.list({ limit: 10 })).items;
    expect(entry).toMatchObject({ status: 'pending', availableAt: '2026-01-05T12:00:30.000Z' });
    await h.clock.advance(30_000);
    await h.service.dispatcher.drain();
    expect(h.channels.sms.sent).toHaveLength(1);
  });

  it('fails for good after maxAttempts transient failures', async () => {
    const { h, alert } = await setup({ settings: { maxAttempts: 2, baseRetryDelayMs: 10 } });
    h.channels.sms.failNext('transient', 5);
    await alert('1');
    await h.service.dispatcher.drain();
    await h.clock.advance(1000);
    await h.service.dispatcher.drain();
    expect(h.eventsNamed('notification.failed')).toMatchObject([{ reason: 'max_attempts', attempts: 2 }]);
    expect((await h.service.deliveries({ status: 'failed' })).items).toHaveLength(1);
  });

  it('turns SMS off for a user who replied STOP (recipient_opted_out) and cancels what was pending', async () => {
    const { h, alert } = await setup({ start: '2026-01-05T12:00:00.000Z' });
    h.channels.sms.failNext('recipient_opted_out');
    await alert('1');
    await h.service.dispatcher.drain();
    expect((await h.service.preferences.get('u1')).channels).toEqual([]);
    expect(h.eventsNamed('notification.failed')).toMatchObject([{ reason: 'recipient_opted_out' }]);
    expect(h.eventsNamed('notification.preferences_changed')).toEqual([
      { userId: 'u1', reason: 'recipient_opted_out', fields: ['channels'], channel: 'sms' },
    ]);
    expect(await alert('2')).toEqual({ status: 'suppressed', reason: 'no_channels' });
  });

  it('cancels pending SMS when the user opts out while more are queued', async () => {
    const { h, alert } = await setup({ start: '2026-01-06T04:00:00.000Z' });
    await h.service.preferences.updateQuietHours({
      userId: 'u1',
      quietHours: { start: '22:00', end: '07:00' },
      timeZone: 'America/New_York',
    });
    await alert('deferred');
    // A critical alert goes now and hits the opt-out; the deferred one is cancelled.
    h.channels.sms.failNext('recipient_opted_out');
    await h.service.handleAlertMatch(h.match(h.rule('u1'), await h.listing('now')), { critical: true });
    await h.service.dispatcher.drain();
    expect((await h.service.deliveries({ status: 'cancelled' })).items).toHaveLength(1);
    await h.clock.setTime('2026-01-06T12:00:00.000Z');
    expect(await h.service.dispatcher.drain()).toBe(0);
    expect(h.channels.sms.sent).toHaveLength(0);
  });

  it('removes a Discord webhook that is gone (404)', async () => {
    const { h, alert } = await setup({}, ['discord'] as never);
    h.channels.discord.failNext('endpoint_gone');
    await alert('1');
    await h.service.dispatcher.drain();
    expect((await h.service.preferences.get('u1')).addresses.discordWebhookUrl).toBeUndefined();
    expect(h.eventsNamed('notification.preferences_changed')).toMatchObject([
      { reason: 'endpoint_gone', fields: ['addresses.discordWebhookUrl'], channel: 'discord' },
    ]);
  });

  it('deletes only the push subscription that is gone (404/410) and keeps delivering to the others', async () => {
    const { h, alert } = await setup({}, ['push'] as never);
    h.channels.push.failWhen(
      (message) =>
        message.recipient.kind === 'push' &&
        message.recipient.subscription.endpoint === 'https://push.example/a',
      'endpoint_gone',
    );
    await alert('1');
    await h.service.dispatcher.drain();
    const subscriptions = (await h.service.preferences.get('u1')).addresses.pushSubscriptions;
    expect(subscriptions.map((sub) => sub.endpoint)).toEqual(['https://push.example/b']);
    expect(h.channels.push.sent).toHaveLength(1);
    await alert('2');
    await h.service.dispatcher.drain();
    expect(h.channels.push.sent).toHaveLength(2);
    expect(h.channels.push.calls).toHaveLength(3);
  });

  it('marks a number that cannot receive SMS as invalid', async () => {
    const { h, alert } = await setup();
    h.channels.sms.failNext('invalid_recipient');
    await alert('1');
    await h.service.dispatcher.drain();
    expect((await h.service.preferences.get('u1')).addresses.phoneInvalid).toBe(true);
    const summary = await h.service.preferences.summary('u1');
    expect(summary.channels.find((channel) => channel.channel === 'sms')).toMatchObject({
      address: 'address_invalid',
      active: false,
    });
    // A new number clears the mark.
    await h.service.preferences.updateAddresses({ userId: 'u1', phone: '+14155550199' });
    expect((await h.service.preferences.get('u1')).addresses.phoneInvalid).toBeUndefined();
  });

  it('fails a rejected message without touching preferences', async () => {
    const { h, alert } = await setup();
    h.channels.sms.failNext('rejected');
    await alert('1');
    await h.service.dispatcher.drain();
    expect(h.eventsNamed('notification.failed')).toMatchObject([{ reason: 'rejected' }]);
    expect(h.eventsNamed('notification.preferences_changed')).toEqual([]);
  });

  it('recovers an entry whose dispatcher died between claim and send once the lease expires', async () => {
    const { h, alert } = await setup({ settings: { leaseMs: 60_000 } });
    await alert('1');
    const [claimed] = await h.storage.outbox.claim({
      workerId: 'dead',
      now: h.context.now(),
      leaseMs: 60_000,
      limit: 10,
    });
    expect(claimed?.status).toBe('claimed');
    expect(await h.service.dispatcher.drain()).toBe(0);
    await h.clock.advance(60_000);
    expect(await h.service.dispatcher.drain()).toBe(1);
    expect(h.channels.sms.sent).toHaveLength(1);
    expect(await h.storage.outbox.get(claimed?.id as string)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  /** Storage whose first `markSent` dies, as a process killed right after the provider answered. */
  function dyingAfterSend(): StorageV1 {
    const storage = createMemoryStorage();
    let died = false;
    const markSent = storage.outbox.markSent.bind(storage.outbox);
    return {
      ...storage,
      outbox: {
        ...storage.outbox,
        markSent: async (...args) => {
          if (!died) {
            died = true;
            throw new Error('process died before recording the send');
          }
          return markSent(...args);
        },
      },
    };
  }

  it('does not send twice after dying between send and record when the channel is idempotent', async () => {
    const { h, alert } = await setup({ storage: dyingAfterSend(), settings: { leaseMs: 60_000 } });
    await alert('1');
    await h.service.dispatcher.drain();
    expect(h.errors).toHaveLength(1);
    expect(h.channels.sms.calls).toHaveLength(1);
    await h.clock.advance(60_000);
    await h.service.dispatcher.drain();
    // Retried with the same idempotency key: the provider answers with the first message.
    expect(h.channels.sms.calls).toHaveLength(2);
    expect(h.channels.sms.calls[0]?.idempotencyKey).toBe(h.channels.sms.calls[1]?.idempotencyKey);
    expect(h.channels.sms.sent).toHaveLength(1);
    expect((await h.service.deliveries({ status: 'sent' })).items).toMatchObject([
      { providerMessageId: 'rec-sms-1' },
    ]);
  });

  it('may deliver twice in that window when the channel cannot deduplicate (the documented window)', async () => {
    const { h, alert } = await setup({
      storage: dyingAfterSend(),
      settings: { leaseMs: 60_000 },
      channels: { sms: { capabilities: { idempotentSends: false } } },
    });
    await alert('1');
    await h.service.dispatcher.drain();
    await h.clock.advance(60_000);
    await h.service.dispatcher.drain();
    expect(h.channels.sms.sent).toHaveLength(2);
    expect((await h.service.deliveries({ status: 'sent' })).items).toHaveLength(1);
  });

  it('never crashes on a malformed entry or a channel that throws something odd', async () => {
    const { h, alert } = await setup();
    await h.storage.outbox.enqueueMany(
      [
        {
          id: 'bad',
          dedupeKey: 'bad',
          userId: 'u1',
          channel: 'sms',
          payload: { nonsense: true },
          availableAt: h.context.now(),
        },
      ],
      { now: h.context.now() },
    );
    const doSend = h.channels.sms.doSend.bind(h.channels.sms);
    Object.assign(h.channels.sms, {
      doSend: (message: Parameters<typeof doSend>[0], options: Parameters<typeof doSend>[1]) => {
        if (message.text.includes('Gaming PC odd')) throw new TypeError('socket hang up');
        return doSend(message, options);
      },
    });
    await alert('odd');
    await alert('fine');
    await h.service.dispatcher.drain();
    expect(await h.storage.outbox.get('bad')).toMatchObject({ status: 'failed' });
    expect(h.eventsNamed('notification.failed')).toMatchObject([{ id: 'bad', reason: 'bad_payload' }]);
    expect(h.errors.some((error) => error.where.includes('outbox entry bad'))).toBe(true);
    expect(h.channels.sms.sent.map((send) => send.message.text)).toEqual([
      expect.stringContaining('Gaming PC fine'),
    ]);
    // The odd throw is treated as transient: retried later, not lost.
    expect(h.eventsNamed('notification.retry_scheduled')).toHaveLength(1);
  });

  it('does not send on a channel the user turned off after the alert was queued', async () => {
    const { h, alert } = await setup();
    await alert('1');
    await h.service.preferences.updateChannels({ userId: 'u1', channels: ['email'] });
    expect(await h.service.dispatcher.drain()).toBe(0);
    expect((await h.service.deliveries({ userId: 'u1', status: 'cancelled' })).items).toHaveLength(1);
  });

  it('runs as a background loop woken by new alerts', async () => {
    const { h, alert } = await setup();
    await h.service.start();
    await alert('1');
    await h.clock.advance(1);
    await h.clock.advance(1000);
    await h.service.stop();
    expect(h.channels.sms.sent).toHaveLength(1);
  });
});
