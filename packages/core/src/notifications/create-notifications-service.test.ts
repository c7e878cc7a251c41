import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../errors/configuration-error';
import { ValidationError } from '../errors/validation-error';
import { createRecordingChannel } from '../memory/channel';
import { createManualClock } from '../memory/manual-clock';
import { DealAlertRuleSchema } from '../rules/deal-alert-rule';
import { createDealScout } from '../runtime/create-deal-scout';
import { silentLogger } from '../runtime/logger';

describe('scout.notifications', () => {
  it('requires a one-click unsubscribe URL builder when an email channel is composed', () => {
    const email = createRecordingChannel({ channel: 'email' });
    expect(() => createDealScout({ logger: silentLogger, channels: [email] })).toThrow(ConfigurationError);
    expect(() => createDealScout({ logger: silentLogger, notifications: { leaseMs: 5 } })).toThrow(
      ValidationError,
    );
  });

  it('delivers an alert match end to end through createDealScout, its jobs and its dispatcher', async () => {
    const clock = createManualClock('2026-01-05T12:00:00.000Z');
    const email = createRecordingChannel({ channel: 'email' });
    const scout = createDealScout({
      clock,
      logger: silentLogger,
      channels: [email],
      notifications: { unsubscribeUrl: ({ userId }) => `https://app.example/unsub/${userId}` },
    });
    await scout.notifications.preferences.updateAddresses({ userId: 'u1', email: 'ana@example.com' });
    const { results } = await scout.ingest([
      {
        marketplace: 'ebay',
        externalId: '42',
        title: 'Gaming PC <b>RTX</b>',
        price: { amount: 45_000, currency: 'USD' },
        postedAt: '2026-01-05T11:00:00Z',
        url: 'https://www.ebay.com/itm/42',
      },
    ]);
    expect(results).toHaveLength(1);
    const listing = await scout.listings.get('ebay:42');
    const rule = DealAlertRuleSchema.parse({
      id: 'r1',
      userId: 'u1',
      name: 'PCs',
      keywords: ['gaming pc'],
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    });
    await scout.start();
    const match = {
      id: 'm1',
      ruleId: 'r1',
      userId: 'u1',
      listingId: listing.id,
      matchedAt: clock.now().toISOString(),
      reasons: [],
      source: 'realtime' as const,
    };
    expect(await scout.notifications.handleAlertMatch({ match, rule, listing })).toMatchObject({
      status: 'enqueued',
    });
    await clock.advance(1000);
    await scout.close();
    expect(email.sent).toHaveLength(1);
    expect(email.sent[0]?.message.html).toContain('Gaming PC &lt;b&gt;RTX&lt;/b&gt;');
    expect(email.sent[0]?.message.headers).toEqual({
      'List-Unsubscribe': '<https://app.example/unsub/u1>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    const log = await scout.notifications.deliveries({ userId: 'u1' });
    expect(log.items).toMatchObject([{ status: 'sent', channel: 'email', kind: 'deal_alert', ruleId: 'r1' }]);
  });
});
