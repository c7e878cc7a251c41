import { describe, expect, it } from 'vitest';
import { createNotificationsHarness } from '../testing/notifications-harness';
import { buildDigest } from './build-digest';
import { dueDigests } from './digest-index';

const email = { email: 'ana@example.com', pushSubscriptions: [] };

describe('digests', () => {
  it('sends each user their daily digest at 09:00 in their own time zone, via the 15-minute job', async () => {
    // Monday Jan 5 2026, 12:00Z: 07:00 in New York, 21:00 in Tokyo, 12:00 in London.
    // The dispatcher loop polls once a minute here, to keep a simulated day quick.
    const h = createNotificationsHarness({ settings: { pollIntervalMs: 60_000 } });
    const zones = { ny: 'America/New_York', tokyo: 'Asia/Tokyo', london: 'Europe/London' } as const;
    for (const [userId, timeZone] of Object.entries(zones)) {
      await h.setPreferences({
        userId,
        channels: ['email'],
        frequency: 'daily_digest',
        timeZone,
        addresses: email,
      });
      await h.service.handleAlertMatch(h.match(h.rule(userId), await h.listing(`${userId}-1`)));
    }
    await h.service.start();
    await h.context.jobs.start();
    const digestsSentBy = async (iso: string) => {
      await h.clock.setTime(iso);
      await h.context.jobs.drain();
      await h.service.dispatcher.drain();
      return h.channels.email.sent.map((send) =>
        send.message.recipient.kind === 'email' ? send.message.subject : '',
      );
    };
    // New York's 09:00 EST is 14:00Z; the sweep at 14:00Z (every 15 min from 12:00Z) builds it.
    expect(await digestsSentBy('2026-01-05T13:59:00Z')).toHaveLength(0);
    expect(await digestsSentBy('2026-01-05T14:00:00Z')).toHaveLength(1);
    // Tokyo's next 09:00 JST is 00:00Z on Jan 6; London's 09:00 GMT is 09:00Z on Jan 6.
    expect(await digestsSentBy('2026-01-06T00:00:00Z')).toHaveLength(2);
    expect(await digestsSentBy('2026-01-06T08:45:00Z')).toHaveLength(2);
    expect(await digestsSentBy('2026-01-06T09:00:00Z')).toHaveLength(3);
    expect(h.eventsNamed('notification.digest_built').map((event) => event.userId)).toEqual([
      'ny',
      'tokyo',
      'london',
    ]);
    await h.service.stop();
    await h.context.jobs.stop();
  });

  it('builds one digest per user and period even when sweeps overlap', async () => {
    const h = createNotificationsHarness();
    await h.setPreferences({
      userId: 'u1',
      channels: ['email', 'sms'],
      frequency: 'daily_digest',
      addresses: { ...email, phone: '+14155550123' },
    });
    const rule = h.rule('u1');
    for (const id of ['1', '2', '3']) await h.service.handleAlertMatch(h.match(rule, await h.listing(id)));
    await h.clock.setTime('2026-01-06T09:00:00Z');
    const sweeps = await Promise.all([
      h.service.runDigests(),
      h.service.runDigests(),
      h.service.runDigests(),
    ]);
    expect(sweeps.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    const entries = (await h.storage.outbox.list({ limit: 100 })).items;
    expect(entries.map((entry) => entry.channel).sort()).toEqual(['email', 'sms']);
    expect(await dueDigests(h.storage.state, h.context.now())).toEqual([]);
    await h.service.dispatcher.drain();
    expect(h.channels.email.sent).toHaveLength(1);
    expect(h.channels.email.sent[0]?.message.subject).toBe('Deal Scout: 3 new deals in your daily digest');
    expect(h.channels.sms.sent[0]?.message.text).toMatch(
      /^Deal Scout: 3 new deals in your daily digest\. Top: /,
    );
    // A rebuild of the same period (a late duplicate job) adds nothing.
    expect(
      await buildDigest({ ...h.service, ...depsOf(h) }, { userId: 'u1', period: 'daily:2026-01-06' }),
    ).toEqual({
      status: 'already_built',
    });
  });

  it('puts deals that arrive after a digest was built into the next one, never into a sent one', async () => {
    const h = createNotificationsHarness();
    await h.setPreferences({
      userId: 'u1',
      channels: ['email'],
      frequency: 'daily_digest',
      addresses: email,
    });
    const rule = h.rule('u1');
    await h.service.handleAlertMatch(h.match(rule, await h.listing('1')));
    await h.clock.setTime('2026-01-06T09:00:00Z');
    // The alert arrives at the digest instant, racing the sweep.
    const [late] = await Promise.all([
      h.service.handleAlertMatch(h.match(rule, await h.listing('2'))),
      h.service.runDigests(),
    ]);
    expect(late).toEqual({ status: 'digested', period: 'daily:2026-01-07', reason: 'frequency' });
    await h.clock.setTime('2026-01-07T09:00:00Z');
    await h.service.runDigests();
    await h.service.dispatcher.drain();
    expect(h.channels.email.sent.map((send) => send.message.subject)).toEqual([
      'Deal Scout: 1 new deal in your daily digest',
      'Deal Scout: 1 new deal in your daily digest',
    ]);
    expect(h.channels.email.sent[1]?.message.html).toContain('Gaming PC 2');
  });

  it('goes out at Monday 09:00 local for weekly users, across the spring DST change', async () => {
    const h = createNotificationsHarness({ start: '2026-03-04T15:00:00.000Z' });
    await h.setPreferences({
      userId: 'u1',
      channels: ['email'],
      frequency: 'weekly_digest',
      timeZone: 'America/New_York',
      addresses: email,
    });
    await h.service.handleAlertMatch(h.match(h.rule('u1'), await h.listing('1')));
    // Monday Mar 9 09:00 EDT = 13:00Z (it would be 14:00Z before the change on Mar 8).
    await h.clock.setTime('2026-03-09T12:59:00Z');
    expect(await h.service.runDigests()).toBe(0);
    await h.clock.setTime('2026-03-09T13:00:00Z');
    expect(await h.service.runDigests()).toBe(1);
    await h.service.dispatcher.drain();
    expect(h.channels.email.sent[0]?.message.subject).toBe('Deal Scout: 1 new deal in your weekly digest');
    expect(h.channels.email.sent[0]?.message.headers).toMatchObject({
      'List-Unsubscribe': '<https://app.example/unsubscribe?u=u1&l=digest>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });
});

function depsOf(h: ReturnType<typeof createNotificationsHarness>) {
  return {
    context: h.context,
    settings: { digestTime: '09:00' } as never,
    preferences: {
      get: (userId: string) => h.service.preferences.get(userId),
      update: async () => {
        throw new Error('unused');
      },
    },
    templates: {
      appName: 'Deal Scout',
      unsubscribeUrl: () => 'https://app.example/u',
      preferencesUrl: null,
      maxDigestDeals: 20,
    },
  };
}
