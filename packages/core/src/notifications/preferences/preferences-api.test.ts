import { describe, expect, it } from 'vitest';
import { NotificationDeliveryError } from '../../errors/notification-delivery-error';
import { ValidationError } from '../../errors/validation-error';
import { createNotificationsHarness, testWebhookUrl } from '../testing/notifications-harness';

const normalisedWebhook = testWebhookUrl.replace('/api/webhooks/', '/api/v10/webhooks/');

async function rejection(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe('notification preferences API', () => {
  it('returns defaults for a new user and a summary of what is active', async () => {
    const h = createNotificationsHarness({ channels: { email: {} } });
    expect(await h.service.preferences.get('u1')).toMatchObject({
      userId: 'u1',
      channels: ['email'],
      frequency: 'immediate',
      quietHours: null,
      timeZone: 'UTC',
      maxNotificationsPerDay: null,
    });
    await h.service.preferences.updateAddresses({ userId: 'u1', email: 'ana@example.com' });
    await h.service.preferences.updateFrequency({ userId: 'u1', frequency: 'daily_digest' });
    const summary = await h.service.preferences.summary('u1');
    expect(summary.channels).toEqual([
      { channel: 'email', enabled: true, address: 'ok', available: true, active: true },
      { channel: 'push', enabled: false, address: 'no_address', available: false, active: false },
      { channel: 'sms', enabled: false, address: 'no_address', available: false, active: false },
      { channel: 'discord', enabled: false, address: 'no_address', available: false, active: false },
    ]);
    expect(summary.nextDigestAt).toBe('2026-01-06T09:00:00.000Z');
    expect(JSON.stringify(summary)).not.toContain('ana@example.com');
  });

  it('updates every field and validates each input, naming the field', async () => {
    const h = createNotificationsHarness();
    const p = h.service.preferences;
    await p.updateChannels({ userId: 'u1', channels: ['sms', 'discord'] });
    await p.updateQuietHours({
      userId: 'u1',
      quietHours: { start: '22:00', end: '07:00' },
      timeZone: 'Europe/Paris',
    });
    await p.updateCategoryFilters({ userId: 'u1', categoryFilters: ['electronics', 'electronics'] });
    await p.updateMaxPerDay({ userId: 'u1', maxNotificationsPerDay: 5 });
    await p.updateAddresses({ userId: 'u1', phone: '+33612345678' });
    expect(await p.get('u1')).toMatchObject({
      channels: ['sms', 'discord'],
      quietHours: { start: '22:00', end: '07:00' },
      timeZone: 'Europe/Paris',
      categoryFilters: ['electronics'],
      maxNotificationsPerDay: 5,
      addresses: { phone: '+33612345678' },
    });
    expect((await rejection(p.updateChannels({ userId: 'u1', channels: ['fax' as never] }))).field).toBe(
      'channels[0]',
    );
    expect((await rejection(p.updateFrequency({ userId: 'u1', frequency: 'hourly' as never }))).field).toBe(
      'frequency',
    );
    expect(
      (await rejection(p.updateQuietHours({ userId: 'u1', quietHours: { start: '25:00', end: '07:00' } })))
        .field,
    ).toBe('quietHours.start');
    expect((await rejection(p.updateTimeZone({ userId: 'u1', timeZone: 'Mars/Olympus' }))).field).toBe(
      'timeZone',
    );
    expect(
      (await rejection(p.updateCategoryFilters({ userId: 'u1', categoryFilters: ['cars'] as never }))).field,
    ).toBe('categoryFilters[0]');
    expect((await rejection(p.updateMaxPerDay({ userId: 'u1', maxNotificationsPerDay: 0 }))).field).toBe(
      'maxNotificationsPerDay',
    );
    expect((await rejection(p.updateAddresses({ userId: 'u1', phone: '555-1234' }))).field).toBe('phone');
    expect((await rejection(p.get(''))).field).toBe('userId');
    // Nothing was written by the rejected calls.
    expect((await p.get('u1')).timeZone).toBe('Europe/Paris');
  });

  it('registers a Discord webhook: validates it, stores it normalised and sends a test message', async () => {
    const h = createNotificationsHarness();
    const result = await h.service.preferences.registerDiscordWebhook({
      userId: 'u1',
      webhookUrl: testWebhookUrl,
    });
    expect(result.test).toEqual({ sent: true, providerMessageId: 'rec-discord-1' });
    expect(result.preferences.addresses.discordWebhookUrl).toBe(normalisedWebhook);
    expect(result.preferences.channels).toEqual(['email', 'discord']);
    expect(h.channels.discord.sent[0]?.message).toMatchObject({
      recipient: { kind: 'discord', webhookUrl: normalisedWebhook },
      discord: {
        allowed_mentions: { parse: [] },
        content: 'Deal Scout is connected: deal alerts will be posted here.',
      },
    });
  });

  it('refuses webhook URLs that are not Discord webhooks, before any request', async () => {
    const h = createNotificationsHarness();
    for (const webhookUrl of [
      testWebhookUrl.replace('https:', 'http:'),
      testWebhookUrl.replace('discord.com', 'attacker.example'),
      'https://169.254.169.254/latest/meta-data',
    ]) {
      expect(
        (await rejection(h.service.preferences.registerDiscordWebhook({ userId: 'u1', webhookUrl }))).field,
      ).toBe('webhookUrl');
    }
    expect(h.channels.discord.calls).toHaveLength(0);
    expect((await h.service.preferences.get('u1')).addresses.discordWebhookUrl).toBeUndefined();
  });

  it('removes the webhook again when the test message says it does not exist', async () => {
    const h = createNotificationsHarness();
    h.channels.discord.failNext('endpoint_gone');
    await expect(
      h.service.preferences.registerDiscordWebhook({ userId: 'u1', webhookUrl: testWebhookUrl }),
    ).rejects.toBeInstanceOf(NotificationDeliveryError);
    expect((await h.service.preferences.get('u1')).addresses.discordWebhookUrl).toBeUndefined();
  });

  it('adds, refreshes and removes push subscriptions', async () => {
    const h = createNotificationsHarness();
    const sub = (endpoint: string, auth = 'a') => ({ endpoint, keys: { p256dh: 'p', auth } });
    await h.service.preferences.addPushSubscription({
      userId: 'u1',
      subscription: sub('https://push.example/1'),
    });
    await h.service.preferences.addPushSubscription({
      userId: 'u1',
      subscription: sub('https://push.example/2'),
    });
    const refreshed = await h.service.preferences.addPushSubscription({
      userId: 'u1',
      subscription: sub('https://push.example/1', 'b'),
    });
    expect(refreshed.addresses.pushSubscriptions.map((s) => [s.endpoint, s.keys.auth])).toEqual([
      ['https://push.example/2', 'a'],
      ['https://push.example/1', 'b'],
    ]);
    expect(refreshed.channels).toContain('push');
    const removed = await h.service.preferences.removePushSubscription({
      userId: 'u1',
      endpoint: 'https://push.example/2',
    });
    expect(removed.addresses.pushSubscriptions).toHaveLength(1);
    expect(
      (
        await rejection(
          h.service.preferences.addPushSubscription({
            userId: 'u1',
            subscription: sub('http://push.example/3'),
          }),
        )
      ).field,
    ).toBe('subscription.endpoint');
  });

  it('reports every change as an event', async () => {
    const h = createNotificationsHarness();
    await h.service.preferences.updateFrequency({ userId: 'u1', frequency: 'weekly_digest' });
    expect(h.eventsNamed('notification.preferences_changed')).toEqual([
      { userId: 'u1', reason: 'user', fields: ['frequency'], channel: null },
    ]);
  });
});

describe('time zones', () => {
  it('accepts current IANA names that ICU lists under an older alias', async () => {
    const h = createNotificationsHarness();
    const prefs = await h.service.preferences.updateTimeZone({ userId: 'u1', timeZone: 'Asia/Kolkata' });
    expect(prefs.timeZone).toBe('Asia/Kolkata');
    expect(
      (await rejection(h.service.preferences.updateTimeZone({ userId: 'u1', timeZone: 'Asia/Atlantis' })))
        .field,
    ).toBe('timeZone');
  });
});
