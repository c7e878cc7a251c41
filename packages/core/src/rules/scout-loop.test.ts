import { describeWithSharedData, loadProvidenceListings } from '@deal-scout/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Listing } from '../listing/listing';
import { usd } from '../listing/money';
import { createManualClock } from '../memory/manual-clock';
import { createReplayMarketplace } from '../memory/marketplace';
import { createDealScout } from '../runtime/create-deal-scout';
import type { DealScoutEvents } from '../runtime/events';
import { silentLogger } from '../runtime/logger';
import type { DealAlertRule } from './deal-alert-rule';
import { explainRuleMatch } from './rule-semantics';
import type { ScoutLoopSettings } from './rules-settings';
import { planScoutQueries } from './scout-queries';
import { ruleRecord } from './testing/rule-record';

const rule = (overrides: Partial<DealAlertRule>): DealAlertRule =>
  ruleRecord({ id: 'r', userId: 'u', ...overrides });

describe('planScoutQueries', () => {
  it('merges rules sharing a keyword on a marketplace into one search with the loosest shared filters', () => {
    const queries = planScoutQueries(
      [
        rule({
          id: 'a',
          keywords: ['Road Bike'],
          maxPrice: usd(300),
          condition: 'good',
          categories: ['bicycles'],
        }),
        rule({
          id: 'b',
          keywords: ['road  bike', 'kayak'],
          minPrice: usd(50),
          maxPrice: usd(800),
          condition: 'excellent',
          categories: ['sporting-goods'],
          marketplaces: ['ebay'],
        }),
        rule({
          id: 'c',
          categories: ['furniture'],
          maxPrice: usd(100),
          location: { lat: 41.8, lon: -71.4 },
          radiusMi: 10,
        }),
        rule({ id: 'd', keywords: ['sofa'], enabled: false }),
      ],
      ['craigslist', 'ebay'],
    );
    const summary = queries
      .map((query) => [query.marketplace, query.query ?? '', query.ruleIds.join(',')])
      .sort((a, b) => a.join('|').localeCompare(b.join('|')));
    expect(summary).toEqual([
      ['craigslist', '', 'c'],
      ['craigslist', 'Road Bike', 'a'],
      ['ebay', '', 'c'],
      ['ebay', 'kayak', 'b'],
      ['ebay', 'Road Bike', 'a,b'],
    ]);
    const merged = queries.find((query) => query.marketplace === 'ebay' && query.query === 'Road Bike')!;
    expect(merged).toMatchObject({
      categories: ['bicycles', 'sporting-goods'],
      maxPrice: usd(800),
      conditions: ['new', 'like_new', 'excellent', 'good'],
    });
    expect(merged.minPrice).toBeUndefined(); // rule a has no minimum: the search must not have one
    expect(queries.find((query) => query.ruleIds.join() === 'c')!.near).toEqual({
      point: { lat: 41.8, lon: -71.4 },
      radiusMi: 10,
    });
    expect(new Set(queries.map((query) => query.key)).size).toBe(queries.length);
  });
});

describeWithSharedData('scout loop against a replay marketplace of real Providence listings', () => {
  let listings: Listing[];
  beforeAll(async () => {
    listings = await loadProvidenceListings();
  });

  function setup(scout: Partial<ScoutLoopSettings> = {}) {
    const clock = createManualClock('2026-03-01T12:00:00Z');
    const marketplace = createReplayMarketplace({ marketplaceId: 'craigslist', listings });
    const s = createDealScout({
      clock,
      logger: silentLogger,
      marketplaces: [marketplace],
      pricing: { dealScoreOnIngest: false },
      rules: { scout: { pageSize: 20, maxPagesPerQuery: 3, ...scout } },
    });
    const alerts: DealScoutEvents['alert.matched'][] = [];
    const progress: DealScoutEvents['job.progress'][] = [];
    s.on('alert.matched', (event) => alerts.push(event));
    s.on('job.progress', (event) => progress.push(event));
    return { s, clock, marketplace, alerts, progress };
  }

  it('polls newest first, ingests what it finds, alerts, and stops at listings it has seen', async () => {
    const { s, marketplace, alerts, progress } = setup();
    await s.rules.create('alice', { name: 'bikes', keywords: ['bike'] });
    await s.rules.create('bob', { name: 'Bikes too', keywords: ['Bike'], maxPrice: usd(200) });
    await s.rules.create('carol', { name: 'dressers', keywords: ['dresser'] });

    const first = await s.rules.scout.runOnce();
    expect(first.queries).toBe(2); // "bike" and "Bike" share one search
    expect(first.queriesPolled).toBe(2);
    expect(first.calls).toBe(marketplace.callCount);
    expect(first.newListings).toBeGreaterThan(20);
    expect(await s.storage.listings.count()).toBe(first.newListings);
    expect(alerts.length).toBeGreaterThan(20);
    for (const { rule, listing } of alerts) expect(explainRuleMatch(rule, listing).matched).toBe(true);
    const bikeTitles = alerts
      .filter((alert) => alert.rule.name === 'bikes')
      .map((alert) => alert.listing.title);
    expect(bikeTitles.every((title) => /\bbikes?\b/i.test(title))).toBe(true);
    expect(progress.at(-1)).toMatchObject({ job: 'scout-marketplaces', fraction: 1 });

    const callsBefore = marketplace.callCount;
    const alertsBefore = alerts.length;
    const second = await s.rules.scout.runOnce();
    // One page per search: the first listing of each is one it has seen.
    expect(second).toMatchObject({ queries: 2, calls: 2, newListings: 0 });
    expect(marketplace.callCount - callsBefore).toBe(2);
    expect(alerts).toHaveLength(alertsBefore);
  });

  it('spends at most its daily call budget, spread over the passes left in the day', async () => {
    const { s, marketplace, clock } = setup({ dailyCallBudget: 3, everyMs: 15 * 60_000 });
    await s.rules.create('alice', { name: 'chairs', keywords: ['chair'] });
    await s.rules.create('alice', { name: 'tables', keywords: ['table'] });
    const calls: number[] = [];
    for (let pass = 0; pass < 5; pass++) {
      calls.push((await s.rules.scout.runOnce()).calls);
      await clock.advance(15 * 60_000);
    }
    // 48 passes are left today, so each may spend one call, until the 3 calls are used.
    expect(calls).toEqual([1, 1, 1, 0, 0]);
    expect(marketplace.callCount).toBe(3);
    await clock.setTime('2026-03-02T00:00:01Z');
    expect((await s.rules.scout.runOnce()).calls).toBe(1);
  });

  it('reports a failed search, counts its call, and goes on with the other searches', async () => {
    const { s, marketplace } = setup();
    const errors: DealScoutEvents['error'][] = [];
    s.on('error', (event) => errors.push(event));
    await s.rules.create('alice', { name: 'chairs', keywords: ['chair'] });
    await s.rules.create('alice', { name: 'tables', keywords: ['table'] });
    marketplace.failNext(new Error('connection reset by peer'));
    const summary = await s.rules.scout.runOnce();
    expect(errors).toHaveLength(1);
    expect(errors[0]!.context).toMatch(/scout loop: craigslist search/);
    expect(summary.queriesPolled).toBe(1);
    expect(summary.calls).toBe(marketplace.callCount);
    expect(summary.newListings).toBeGreaterThan(0);
  });

  it('runs on the jobs schedule when enabled', async () => {
    const { s, clock, progress } = setup({ enabled: true, everyMs: 10 * 60_000 });
    await s.rules.create('alice', { name: 'kayaks', keywords: ['kayak'] });
    await s.start();
    await clock.advance(10 * 60_000);
    await s.jobs.drain();
    expect(progress.some((event) => event.job === 'scout-marketplaces' && event.fraction === 1)).toBe(true);
    expect(await s.storage.listings.count()).toBeGreaterThan(0);
    await s.close();
  });
});
