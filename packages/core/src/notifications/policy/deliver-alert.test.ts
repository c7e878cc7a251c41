import { describe, expect, it } from 'vitest';
import { createNotificationsHarness, testWebhookUrl } from '../testing/notifications-harness';

const everywhere = {
  email: 'ana@example.com',
  phone: '+14155550123',
  discordWebhookUrl: testWebhookUrl,
  pushSubscriptions: [
    { endpoint: 'https://push.example/a', keys: { p256dh: 'p', auth: 'a' } },
    { endpoint: 'https://push.example/b', keys: { p256dh: 'p', auth: 'a' } },
  ],
};

describe('delivery policy', () => {
  it('notifies only on the channels the user chose, narrowed by the rule, never widened', async () => {
    const h = createNotificationsHarness();
    await h.setPreferences({ userId: 'u1', channels: ['email', 'sms'], addresses: everywhere });
    const listing = await h.listing('1');
    const all = await h.service.handleAlertMatch(h.match(h.rule('u1'), listing));
    expect(all).toMatchObject({ status: 'enqueued', channels: ['email', 'sms'] });
    // The rule asks for SMS and Discord: only SMS, because the user never chose Discord.
    const narrowed = await h.service.handleAlertMatch(
      h.match(h.rule('u1', { notificationChannels: ['sms', 'discord'] }), listing),
    );
    expect(narrowed).toMatchObject({ status: 'enqueued', channels: ['sms'] });
    const suppressed = await h.service.handleAlertMatch(
      h.match(h.rule('u1', { notificationChannels: ['discord'] }), listing),
    );
    expect(suppressed).toEqual({ status: 'suppressed', reason: 'no_channels' });
    expect(h.eventsNamed('notification.suppressed').at(-1)?.skipped).toEqual([
      { channel: 'discord', reason: 'not_chosen' },
    ]);
  });

  it('fans push out to one notification per device, and skips channels without an address', async () => {
    const h = createNotificationsHarness();
    await h.setPreferences({
      userId: 'u1',
      channels: ['push', 'discord'],
      addresses: { pushSubscriptions: everywhere.pushSubscriptions },
    });
    const outcome = await h.service.handleAlertMatch(h.match(h.rule('u1'), await h.listing('1')));
    expect(outcome).toMatchObject({ status: 'enqueued', channels: ['push'] });
    expect(outcome.status === 'enqueued' && outcome.entryIds.length).toBe(2);
  });

  it('filters by category, descendants included', async () => {
    const h = createNotificationsHarness();
    await h.setPreferences({
      userId: 'u1',
      categoryFilters: ['electronics'],
      addresses: { email: 'a@example.com' },
    });
    const rule = h.rule('u1');
    expect(
      await h.service.handleAlertMatch(h.match(rule, await h.listing('pc', { category: 'computers' }))),
    ).toMatchObject({
      status: 'enqueued',
    });
    expect(
      await h.service.handleAlertMatch(h.match(rule, await h.listing('sofa', { category: 'furniture' }))),
    ).toEqual({
      status: 'suppressed',
      reason: 'category_filtered',
    });
    expect(
      await h.service.handleAlertMatch(h.match(rule, await h.listing('x', { category: undefined }))),
    ).toEqual({
      status: 'suppressed',
      reason: 'category_filtered',
    });
  });

  it('writes one notification per (user, rule, listing, channel) however often a match is replayed', async () => {
    const h = createNotificationsHarness();
    await h.setPreferences({
      userId: 'u1',
      channels: ['email', 'sms'],
      addresses: everywhere,
      maxNotificationsPerDay: 5,
    });
    const event = h.match(h.rule('u1'), await h.listing('1'));
    await h.service.handleAlertMatch(event);
    expect(await h.service.handleAlertMatch(event)).toEqual({ status: 'suppressed', reason: 'duplicate' });
    // A restarted service on the same storage refuses it too.
    const restarted = createNotificationsHarness({ storage: h.storage });
    expect(await restarted.service.handleAlertMatch(event)).toEqual({
      status: 'suppressed',
      reason: 'duplicate',
    });
    const entries = await h.storage.outbox.list({ limit: 100 });
    expect(entries.items.map((entry) => entry.channel).sort()).toEqual(['email', 'sms']);
    // Duplicates do not use up the daily cap.
    expect((await h.service.preferences.summary('u1')).sentToday).toBe(1);
  });

  it('defers during quiet hours to their end and sends then', async () => {
    // 04:00Z on Jan 6 is 23:00 EST on Jan 5, inside 22:00-07:00.
    const h = createNotificationsHarness({ start: '2026-01-06T04:00:00.000Z' });
    await h.setPreferences({
      userId: 'u1',
      channels: ['sms'],
      quietHours: { start: '22:00', end: '07:00' },
      timeZone: 'America/New_York',
      addresses: everywhere,
    });
    const outcome = await h.service.handleAlertMatch(h.match(h.rule('u1'), await h.listing('1')));
    expect(outcome).toMatchObject({ status: 'enqueued', deferredUntil: '2026-01-06T12:00:00.000Z' });
    expect(await h.service.dispatcher.drain()).toBe(0);
    expect(h.channels.sms.sent).toHaveLength(0);
    await h.clock.setTime('2026-01-06T12:00:00.000Z');
    expect(await h.service.dispatcher.drain()).toBe(1);
    expect(h.channels.sms.sent).toHaveLength(1);
    const critical = await h.service.handleAlertMatch(h.match(h.rule('u1'), await h.listing('2')), {
      critical: true,
    });
    expect(critical).toMatchObject({ status: 'enqueued', deferredUntil: null });
  });

  it('treats alerts at or above criticalDealScore as critical', async () => {
    const h = createNotificationsHarness({
      start: '2026-01-06T04:00:00.000Z',
      settings: { criticalDealScore: 0.95 },
    });
    await h.setPreferences({
      userId: 'u1',
      channels: ['sms'],
      quietHours: { start: '22:00', end: '07:00' },
      timeZone: 'America/New_York',
      addresses: everywhere,
    });
    const rule = h.rule('u1');
    expect(
      await h.service.handleAlertMatch(h.match(rule, await h.listing('hot', { dealScore: 0.97 }))),
    ).toMatchObject({ deferredUntil: null });
    expect(
      await h.service.handleAlertMatch(h.match(rule, await h.listing('ok', { dealScore: 0.9 }))),
    ).toMatchObject({
      deferredUntil: '2026-01-06T12:00:00.000Z',
    });
  });

  it('caps notifications per local day and folds the rest into the next daily digest', async () => {
    // 20:00Z Jan 5 = 15:00 EST: the local day is Jan 5 until 05:00Z Jan 6.
    const h = createNotificationsHarness({ start: '2026-01-05T20:00:00.000Z' });
    await h.setPreferences({
      userId: 'u1',
      channels: ['email'],
      maxNotificationsPerDay: 2,
      timeZone: 'America/New_York',
      addresses: everywhere,
    });
    const rule = h.rule('u1');
    const outcomes = [];
    for (const id of ['1', '2', '3', '4'])
      outcomes.push(await h.service.handleAlertMatch(h.match(rule, await h.listing(id))));
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'enqueued',
      'enqueued',
      'digested',
      'digested',
    ]);
    expect(outcomes[2]).toEqual({ status: 'digested', period: 'daily:2026-01-06', reason: 'daily_cap' });
    // A new local day (00:30 EST Jan 6 = 05:30Z) has a fresh allowance.
    await h.clock.setTime('2026-01-06T05:30:00.000Z');
    expect(await h.service.handleAlertMatch(h.match(rule, await h.listing('5')))).toMatchObject({
      status: 'enqueued',
    });
    // Nothing is lost: at 09:00 local the two folded deals go out in the digest.
    await h.clock.setTime('2026-01-06T14:00:00.000Z');
    expect(await h.service.runDigests()).toBe(1);
    await h.service.dispatcher.drain();
    const digest = h.channels.email.sent.find((send) => send.message.subject?.includes('daily digest'));
    expect(digest?.message.subject).toBe('Deal Scout: 2 new deals in your daily digest');
    expect(digest?.message.html).toContain('Gaming PC 3');
    expect(digest?.message.html).toContain('Gaming PC 4');
    expect(h.channels.email.sent).toHaveLength(4);
  });

  it('collects alerts of digest users instead of sending them', async () => {
    const h = createNotificationsHarness();
    await h.setPreferences({
      userId: 'u1',
      channels: ['email'],
      frequency: 'weekly_digest',
      addresses: everywhere,
    });
    const outcome = await h.service.handleAlertMatch(h.match(h.rule('u1'), await h.listing('1')));
    // Monday Jan 5 12:00 UTC is past 09:00: the next weekly digest is Monday Jan 12.
    expect(outcome).toEqual({ status: 'digested', period: 'weekly:2026-01-12', reason: 'frequency' });
    expect(await h.service.dispatcher.drain()).toBe(0);
  });

  it('handles alert.matched events emitted by the runtime', async () => {
    const h = createNotificationsHarness();
    await h.setPreferences({ userId: 'u1', channels: ['discord'], addresses: everywhere });
    h.context.events.emit('alert.matched', h.match(h.rule('u1'), await h.listing('1')));
    await h.service.idle();
    await h.service.dispatcher.drain();
    expect(h.channels.discord.sent).toHaveLength(1);
    expect(h.channels.discord.sent[0]?.message.recipient).toEqual({
      kind: 'discord',
      webhookUrl: testWebhookUrl.replace('/api/webhooks/', '/api/v10/webhooks/'),
    });
    expect(h.channels.discord.sent[0]?.message.discord).toMatchObject({ allowed_mentions: { parse: [] } });
  });
});
