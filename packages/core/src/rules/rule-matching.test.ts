import { describe, expect, it } from 'vitest';
import type { ListingInput } from '../listing/listing';
import { usd } from '../listing/money';
import { createManualClock } from '../memory/manual-clock';
import { createDealScout } from '../runtime/create-deal-scout';
import type { DealScoutEvents } from '../runtime/events';
import { silentLogger } from '../runtime/logger';
import { checkDealAlertsCursorKey } from './check-deal-alerts-job';
import type { DealAlertRule } from './deal-alert-rule';
import type { RulesSettings } from './rules-settings';
import { ruleRecord } from './testing/rule-record';

function setup(rules: RulesSettings = {}) {
  const clock = createManualClock('2026-03-01T12:00:00Z');
  const s = createDealScout({ clock, logger: silentLogger, pricing: { dealScoreOnIngest: false }, rules });
  const alerts: DealScoutEvents['alert.matched'][] = [];
  s.on('alert.matched', (event) => alerts.push(event));
  return { s, clock, alerts };
}

const listing = (externalId: string, overrides: Partial<ListingInput> = {}): ListingInput => ({
  id: `craigslist:${externalId}`,
  marketplace: 'craigslist',
  externalId,
  title: 'Custom Gaming PC RTX 3060',
  price: usd(650),
  postedAt: '2026-03-01T10:00:00Z',
  ...overrides,
});

const pairs = (events: DealScoutEvents['alert.matched'][]) =>
  events.map((event) => `${event.rule.name}|${event.listing.id}`).sort();

async function storedMatches(s: ReturnType<typeof setup>['s'], ruleId: string) {
  return (await s.storage.alertMatches.listByRule(ruleId, { limit: 100 })).items;
}

describe('real-time matching', () => {
  it('alerts once per rule and listing, with reasons, and sets lastTriggeredAt', async () => {
    const { s, alerts } = setup();
    const cheap = await s.rules.create('alice', {
      name: 'cheap',
      keywords: ['gaming pc'],
      maxPrice: usd(700),
    });
    await s.rules.create('bob', { name: 'laptops', keywords: ['laptop'] });
    await s.ingest([listing('1'), listing('2', { title: 'Gaming laptop' })]);
    expect(pairs(alerts)).toEqual(['cheap|craigslist:1', 'laptops|craigslist:2']);
    const [event] = alerts;
    expect(event!.match).toMatchObject({ ruleId: cheap.id, userId: 'alice', source: 'realtime' });
    expect(event!.match.reasons).toEqual(['keyword "gaming pc"', 'price $650.00 ≤ $700.00']);
    expect((await s.rules.get('alice', cheap.id)).lastTriggeredAt).toBe('2026-03-01T12:00:00.000Z');
  });

  it('never repeats a pair: re-ingest, a price drop, and the catch-up check add nothing twice', async () => {
    const { s, alerts, clock } = setup();
    const cheap = await s.rules.create('alice', {
      name: 'cheap',
      keywords: ['gaming pc'],
      maxPrice: usd(600),
    });
    const any = await s.rules.create('alice', { name: 'any', keywords: ['gaming pc'] });
    await s.ingest([listing('1')]); // $650: only "any" matches
    expect(pairs(alerts)).toEqual(['any|craigslist:1']);
    await s.ingest([listing('1')]);
    await clock.advance(60_000);
    await s.ingest([listing('1', { price: usd(550) })]); // the drop makes "cheap" match: a new pair
    expect(pairs(alerts)).toEqual(['any|craigslist:1', 'cheap|craigslist:1']);
    await s.ingest([listing('1', { price: usd(499) })]); // a further drop repeats nothing
    await Promise.all([
      s.ingest([listing('1', { price: usd(499) })]),
      s.ingest([listing('1', { price: usd(499) })]),
    ]);
    expect(await s.rules.checkDealAlerts()).toBe(0);
    await clock.advance(31 * 60_000);
    expect(await s.rules.checkDealAlerts()).toBe(0);
    expect(alerts).toHaveLength(2);
    expect(await storedMatches(s, cheap.id)).toHaveLength(1);
    expect(await storedMatches(s, any.id)).toHaveLength(1);
  });

  it('a paused rule does not match; once resumed it matches new listings again', async () => {
    const { s, alerts } = setup();
    const rule = await s.rules.create('alice', { name: 'chairs', keywords: ['chair'] });
    await s.rules.pause('alice', rule.id);
    expect(s.rules.matcher.index.has(rule.id)).toBe(false);
    await s.ingest([listing('1', { title: 'Office chairs' })]);
    expect(alerts).toHaveLength(0);
    const resumed = await s.rules.resume('alice', rule.id);
    expect(resumed.enabled).toBe(true);
    await s.ingest([listing('2', { title: 'Rocking chair' })]);
    expect(pairs(alerts)).toEqual(['chairs|craigslist:2']);
  });

  it('follows edits and deletion at once', async () => {
    const { s, alerts } = setup();
    const rule = await s.rules.create('alice', { name: 'desk', keywords: ['desk'] });
    await s.rules.update('alice', rule.id, { keywords: ['lamp'] });
    await s.ingest([listing('1', { title: 'Standing desk' }), listing('2', { title: 'Desk lamp' })]);
    expect(pairs(alerts)).toEqual(['desk|craigslist:2']);
    await s.rules.delete('alice', rule.id);
    expect(await storedMatches(s, rule.id)).toEqual([]);
    await s.ingest([listing('3', { title: 'Brass lamp' })]);
    expect(alerts).toHaveLength(1);
  });

  it('builds its index from rules already in storage', async () => {
    const first = setup();
    const rule = await first.s.rules.create('alice', { name: 'kayak', keywords: ['kayak'] });
    const second = createDealScout({
      storage: first.s.storage,
      clock: first.clock,
      logger: silentLogger,
      pricing: { dealScoreOnIngest: false },
    });
    const alerts: string[] = [];
    second.on('alert.matched', (event) => alerts.push(event.rule.id));
    await second.ingest([listing('9', { title: 'Sit-on-top kayaks (2)' })]);
    expect(alerts).toEqual([rule.id]);
  });
});

describe('catch-up check', () => {
  const storedRule = (overrides: Partial<DealAlertRule>): DealAlertRule =>
    ruleRecord({
      id: 'rule_elsewhere',
      userId: 'carol',
      name: 'bikes',
      keywords: ['road bike'],
      ...overrides,
    });

  it('matches a rule created elsewhere against recent listings, once, and keeps its cursor', async () => {
    const { s, alerts, clock } = setup();
    await s.ingest([listing('1', { title: 'Trek road bike' }), listing('2', { title: 'Mountain bike' })]);
    await s.rules.matcher.ready();
    // Written by another process: this process's index never heard of it.
    await s.storage.rules.create(storedRule({}));
    await s.ingest([listing('3', { title: 'Road bikes x2' })]);
    expect(alerts).toHaveLength(0);
    await clock.advance(5 * 60_000);
    expect(await s.rules.checkDealAlerts()).toBe(2);
    expect(pairs(alerts)).toEqual(['bikes|craigslist:1', 'bikes|craigslist:3']);
    expect(alerts.every((event) => event.match.source === 'catch_up')).toBe(true);
    expect((await s.storage.rules.get('rule_elsewhere'))!.lastTriggeredAt).toBe('2026-03-01T12:05:00.000Z');
    expect((await s.storage.state.get(checkDealAlertsCursorKey))!.value).toEqual({
      lastRunAt: '2026-03-01T12:05:00.000Z',
    });
    // It is in the index now: the next listing matches in real time.
    await s.ingest([listing('4', { title: 'Vintage road bike' })]);
    expect(alerts.at(-1)!.match.source).toBe('realtime');
    expect(await s.rules.checkDealAlerts()).toBe(0);
    expect(alerts).toHaveLength(3);
  });

  it('skips listings older than the recent window for new rules', async () => {
    const { s, alerts, clock } = setup({ recentListingsWindowMs: 60 * 60_000 });
    await s.ingest([listing('old', { title: 'Road bike' })]);
    await clock.advance(60_000);
    await s.rules.checkDealAlerts();
    await clock.advance(2 * 60 * 60_000);
    await s.ingest([listing('new', { title: 'Road bike' })]);
    await s.storage.rules.create(
      storedRule({ createdAt: '2026-03-01T14:00:00.000Z', updatedAt: '2026-03-01T14:00:00.000Z' }),
    );
    await s.rules.checkDealAlerts();
    expect(pairs(alerts)).toEqual(['bikes|craigslist:new']);
  });

  it('drops a rule paused elsewhere from the index and runs on the jobs schedule', async () => {
    const { s, alerts, clock } = setup();
    const rule = await s.rules.create('alice', { name: 'chairs', keywords: ['chair'] });
    await s.start();
    await s.storage.rules.update({ ...rule, enabled: false, updatedAt: '2026-03-01T12:01:00.000Z' });
    const progress: DealScoutEvents['job.progress'][] = [];
    s.on('job.progress', (event) => progress.push(event));
    await clock.advance(30 * 60_000);
    await s.jobs.drain();
    expect(progress.some((event) => event.job === 'check-deal-alerts' && event.fraction === 1)).toBe(true);
    expect(s.rules.matcher.index.has(rule.id)).toBe(false);
    await s.ingest([listing('1', { title: 'Chair' })]);
    expect(alerts).toHaveLength(0);
    await s.close();
  });
});

describe('rules.test', () => {
  it('counts the stored listings a rule matches and returns the first with reasons', async () => {
    const { s } = setup({ testMatchLimit: 2 });
    await s.ingest([
      listing('1', { title: 'Gaming PC', postedAt: '2026-03-01T09:00:00Z' }),
      listing('2', { title: 'Gaming PC tower', price: usd(400), postedAt: '2026-03-01T10:00:00Z' }),
      listing('3', { title: 'Gaming PC i7', price: usd(300), postedAt: '2026-03-01T11:00:00Z' }),
      listing('4', { title: 'Office PC' }),
      listing('5', { title: 'Gaming PC', status: 'sold', soldPrice: usd(100) }),
    ]);
    const rule = await s.rules.create('alice', {
      name: 'gaming',
      keywords: ['gaming pc'],
      maxPrice: usd(650),
    });
    await s.rules.pause('alice', rule.id);
    const result = await s.rules.test('alice', rule.id);
    expect(result).toMatchObject({ count: 3, scanned: 4, truncated: false });
    expect(result.matches.map((match) => match.listing.id)).toEqual(['craigslist:3', 'craigslist:2']);
    expect(result.matches[0]!.reasons).toEqual(['keyword "gaming pc"', 'price $300.00 ≤ $650.00']);
    expect(await s.storage.alertMatches.listByRule(rule.id, { limit: 10 })).toMatchObject({ items: [] });
  });

  it('reads only the listings of the rule’s categories (and below) and its one marketplace', async () => {
    const { s } = setup();
    await s.ingest([
      listing('1', { title: 'Trek road bike', category: 'bicycles' }),
      listing('2', { title: 'Gaming PC', category: 'computers' }),
      listing('3', { title: 'Desk lamp', category: 'furniture' }),
      listing('4', { title: 'Kids bike, no category' }),
      {
        ...listing('5', { title: 'Trek bike on eBay', category: 'bicycles' }),
        marketplace: 'ebay',
        id: 'ebay:5',
      },
    ]);
    const bikes = await s.rules.create('alice', {
      name: 'bikes',
      keywords: ['bike'],
      categories: ['sporting-goods'],
    });
    const result = await s.rules.test('alice', bikes.id);
    // Only the two bicycle listings are read: the computer, the lamp and the uncategorised bike are not.
    expect(result).toMatchObject({ count: 2, scanned: 2, truncated: false });
    expect(result.matches[0]!.reasons).toEqual(['keyword "bike"', 'category bicycles within sporting goods']);

    const ebayBikes = await s.rules.create('alice', {
      name: 'ebay',
      keywords: ['bike'],
      marketplaces: ['ebay'],
    });
    const onEbay = await s.rules.test('alice', ebayBikes.id);
    expect(onEbay).toMatchObject({ count: 1, scanned: 1 });
    expect(onEbay.matches.map((match) => match.listing.id)).toEqual(['ebay:5']);
  });
});

describe('currency conversion', () => {
  it('matches a price in another currency only with a converter', async () => {
    const euros = listing('eu', { price: { amount: 40_000, currency: 'EUR' } });
    const plain = setup();
    await plain.s.rules.create('alice', { name: 'pc', keywords: ['gaming pc'], maxPrice: usd(500) });
    await plain.s.ingest([euros]);
    expect(plain.alerts).toHaveLength(0);

    const converting = setup({
      convert: (value, to) =>
        value.currency === 'EUR' && to === 'USD' ? usd((value.amount / 100) * 1.1) : null,
    });
    await converting.s.rules.create('alice', { name: 'pc', keywords: ['gaming pc'], maxPrice: usd(500) });
    await converting.s.ingest([euros]);
    expect(converting.alerts[0]!.match.reasons).toContain('price €400.00 (≈ $440.00) ≤ $500.00');
  });
});
