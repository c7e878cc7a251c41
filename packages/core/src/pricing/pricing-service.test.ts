import { describeWithSharedData, loadVehicleListings } from '@deal-scout/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '../errors/not-found-error';
import { ValidationError } from '../errors/validation-error';
import type { Listing } from '../listing/listing';
import { createManualClock } from '../memory/manual-clock';
import { DealAlertCriteriaSchema } from '../rules/deal-alert-rule';
import { createNaiveRuleMatcher } from '../rules/naive-rule-matcher';
import { createDealScout, type DealScout } from '../runtime/create-deal-scout';
import { silentLogger } from '../runtime/logger';
import { priceModelStateKey } from './price-model';

/** Listings before the cut-off are stored; later ones are what gets priced, as in real use. */
const cutoff = '2021-05-02T00:00:00.000Z';

describeWithSharedData('scout.pricing on the real Craigslist vehicle listings', () => {
  let scout: DealScout;
  let earlier: Listing[];
  let later: Listing[];

  beforeAll(async () => {
    const listings = await loadVehicleListings();
    earlier = listings.filter((listing) => listing.postedAt < cutoff);
    later = listings.filter((listing) => listing.postedAt >= cutoff && listing.price.amount > 0);
    scout = createDealScout({
      clock: createManualClock('2021-05-02T00:00:00.000Z'),
      logger: silentLogger,
      pricing: { trainEveryMs: null },
    });
    const result = await scout.ingest(earlier);
    expect(result.created).toBe(earlier.length);
  }, 120_000);

  afterAll(async () => {
    await scout?.close();
  });

  const commonF150 = () =>
    later.find(
      (listing) => listing.attributes.model === 'f-150' && listing.price.amount > 500_000,
    ) as Listing;

  it('analyses a stored listing from comparables, stores the analysis and reads it back', async () => {
    const subject = commonF150();
    await scout.ingest([subject]);
    const analysis = await scout.pricing.analyze(subject.id);
    expect(analysis.method).toBe('comparables');
    expect(analysis.listingId).toBe(subject.id);
    expect(analysis.comparableListings).toBeGreaterThanOrEqual(5);
    expect(analysis.comparables.length).toBe(analysis.comparableListings);
    expect(analysis.comparables.every((c) => c.listingId !== subject.id)).toBe(true);
    // Comparables of an F-150 are mostly F-150s, thanks to the model term and BM25.
    const f150s = analysis.comparables.filter((c) => /f-?150/i.test(c.title)).length;
    expect(f150s / analysis.comparables.length).toBeGreaterThan(0.6);
    const { recommendedPrice, priceRangeMin, priceRangeMax, marketMin, marketMax, marketMedian } = analysis;
    expect(
      recommendedPrice && priceRangeMin && priceRangeMax && marketMin && marketMax && marketMedian,
    ).toBeTruthy();
    expect(priceRangeMin!.amount).toBeLessThanOrEqual(recommendedPrice!.amount);
    expect(priceRangeMax!.amount).toBeGreaterThanOrEqual(recommendedPrice!.amount);
    expect(marketMin!.amount).toBeLessThanOrEqual(marketMedian!.amount);
    expect(marketMax!.amount).toBeGreaterThanOrEqual(marketMedian!.amount);
    expect(analysis.predictionInterval?.level).toBe(0.8);
    expect(analysis.confidence).toBeGreaterThan(0);
    expect(analysis.dealScore).not.toBeNull();
    expect(await scout.pricing.latest(subject.id)).toEqual(analysis);

    const comparables = await scout.pricing.comparables(subject.id, { limit: 5 });
    expect(comparables).toHaveLength(5);
    const similarities = comparables.map((comparable) => comparable.similarity);
    expect(similarities).toEqual([...similarities].sort((a, b) => b - a));
    expect(comparables.map((comparable) => comparable.listingId)).not.toContain(subject.id);
  });

  it('covers about 80% of later prices with the 80% interval, and scores deals calibrated', async () => {
    const sample = later.filter((_, i) => i % 5 === 0).slice(0, 250);
    let inside = 0;
    let answered = 0;
    let atLeast08 = 0;
    let atLeast05 = 0;
    for (const listing of sample) {
      const analysis = await scout.pricing.quote(listing);
      if (!analysis.predictionInterval || analysis.dealScore === null || analysis.anomaly !== null) continue;
      answered++;
      const amount = listing.price.amount;
      if (
        amount >= analysis.predictionInterval.min.amount &&
        amount <= analysis.predictionInterval.max.amount
      )
        inside++;
      if (analysis.dealScore >= 0.8) atLeast08++;
      if (analysis.dealScore >= 0.5) atLeast05++;
    }
    expect(answered).toBeGreaterThan(150);
    expect(inside / answered).toBeGreaterThan(0.7);
    expect(inside / answered).toBeLessThan(0.92);
    // A calibrated score is uniform on comparable prices: ~20% at 0.8 or more, ~50% at 0.5 or more.
    expect(atLeast08 / answered).toBeGreaterThan(0.1);
    expect(atLeast08 / answered).toBeLessThan(0.3);
    expect(atLeast05 / answered).toBeGreaterThan(0.38);
    expect(atLeast05 / answered).toBeLessThan(0.62);
  }, 120_000);

  it('answers with low confidence and no numbers when there are too few comparables', async () => {
    const [first] = await scout
      .ingest([
        {
          marketplace: 'craigslist',
          externalId: 'rare-1',
          title: 'Signed Zanzibar harpsichord tuning fork',
          price: { amount: 12_000, currency: 'USD' },
          category: 'musical-instruments',
          postedAt: '2021-05-01T10:00:00Z',
        },
      ])
      .then((result) => result.results);
    const analysis = await scout.pricing.analyze(first!.id);
    expect(analysis.method).toBe('insufficient_data');
    expect(analysis.confidence).toBe(0);
    for (const field of [
      'marketAvg',
      'marketMedian',
      'marketMin',
      'marketMax',
      'recommendedPrice',
    ] as const) {
      expect(analysis[field]).toBeNull();
    }
    expect(analysis.priceRangeMin).toBeNull();
    expect(analysis.dealScore).toBeNull();
    expect(analysis.anomaly).toBeNull();
    expect(analysis.note).toMatch(/comparable/);
    // The ingested listing got no deal score either, so `minDealScore` rules never match it.
    expect((await scout.listings.get(first!.id)).dealScore).toBeUndefined();
  });

  it('flags a price far below the market as a possible scam or mistake and far above as overpriced', async () => {
    const subject = commonF150();
    const at = async (amount: number) =>
      scout.pricing.quote({
        ...subject,
        id: `craigslist:probe-${amount}`,
        externalId: `probe-${amount}`,
        price: { amount, currency: 'USD' },
      });
    expect((await at(100)).anomaly).toBe('possible_scam_or_mistake');
    expect((await at(0)).anomaly).toBe('possible_scam_or_mistake');
    expect((await at(12_345_678_900)).anomaly).toBe('overpriced');
    const fair = await at(subject.price.amount);
    expect(fair.recommendedPrice).not.toBeNull();
    // A draft without an id is priced the same way.
    const { id: _storedId, ...withoutId } = subject;
    const draft = await scout.pricing.quote({ ...withoutId, externalId: 'draft-1' });
    expect(draft).toMatchObject({ listingId: 'craigslist:draft-1', recommendedPrice: fair.recommendedPrice });
    expect((await at(fair.recommendedPrice!.amount)).anomaly).toBeNull();
  });

  it('sets deal scores on ingest that fall as the price rises', async () => {
    const subject = commonF150();
    const prices = [300_000, 800_000, 1_500_000, 2_500_000, 4_000_000, 8_000_000];
    const result = await scout.ingest(
      prices.map((amount, i) => ({
        ...subject,
        id: undefined,
        externalId: `ladder-${i}`,
        price: { amount, currency: 'USD' },
      })),
    );
    const stored = await Promise.all(result.results.map((r) => scout.listings.get(r.id)));
    const scores = stored.map((listing) => listing.dealScore as number);
    expect(scores.every((score) => typeof score === 'number' && score >= 0 && score <= 1)).toBe(true);
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThanOrEqual(scores[i - 1] as number);
    expect(scores[0]).toBeGreaterThan(0.8);
    expect(scores.at(-1)).toBeLessThan(0.2);

    // Rules read the stored score through `minDealScore`.
    const matcher = createNaiveRuleMatcher();
    matcher.add({ ...DealAlertCriteriaSchema.parse({ minDealScore: 0.8 }), id: 'good-deals', enabled: true });
    const matched = stored.filter((listing) => matcher.match(listing).includes('good-deals'));
    expect(matched.map((listing) => listing.id)).toEqual(
      stored.filter((listing) => (listing.dealScore as number) >= 0.8).map((listing) => listing.id),
    );
    expect(matched.length).toBeGreaterThan(0);
    expect(matched.length).toBeLessThan(stored.length);
  });

  it('optimises a seller’s active listings into recommendations', async () => {
    const mine = later.slice(0, 6).map((listing, i) => ({
      ...listing,
      id: undefined,
      externalId: `seller-a-${i}`,
      seller: { id: 'seller-a' },
      status: i === 5 ? ('sold' as const) : ('active' as const),
    }));
    await scout.ingest(mine);
    const recommendations = await scout.pricing.optimize('seller-a');
    expect(recommendations).toHaveLength(5);
    for (const recommendation of recommendations) {
      expect(['lower', 'raise', 'keep', 'unknown']).toContain(recommendation.action);
      const { analysis } = recommendation;
      if (analysis.priceRangeMin && analysis.priceRangeMax) {
        const price = recommendation.currentPrice.amount;
        const expected =
          price > analysis.priceRangeMax.amount
            ? 'lower'
            : price < analysis.priceRangeMin.amount
              ? 'raise'
              : 'keep';
        expect(recommendation.action).toBe(expected);
      }
      expect(await scout.pricing.latest(recommendation.listingId)).toEqual(analysis);
    }
  });

  it('trains a versioned price model as a job, stores it and prices with it', async () => {
    expect(await scout.pricing.currentModel()).toBeNull();
    await scout.start();
    await scout.jobs.enqueue('train-price-model', {});
    await scout.jobs.drain();
    const model = await scout.pricing.currentModel();
    expect(model).not.toBeNull();
    expect(model!.trainingListings).toBeGreaterThan(5000);
    expect(model!.validation.rmsle).toBeLessThan(0.7);
    expect(model!.residualQuantiles).toHaveLength(99);
    const stored = await scout.storage.state.get(priceModelStateKey);
    expect((stored!.value as { version: string }).version).toBe(model!.version);

    const subject = commonF150();
    const analysis = await scout.pricing.analyze(subject.id);
    expect(analysis.method).toBe('model');
    expect(analysis.modelVersion).toBe(model!.version);
    expect(analysis.predictionInterval!.min.amount).toBeLessThan(analysis.predictionInterval!.max.amount);
    // Market statistics still come from the comparables.
    expect(analysis.marketMedian).not.toBeNull();

    // An item the model knows nothing about falls back to comparables (or says it cannot price it).
    const rare = await scout.pricing.analyze('craigslist:rare-1');
    expect(rare.method).toBe('insufficient_data');
  }, 120_000);

  it('rejects bad ids with ValidationError and unknown listings with NotFoundError', async () => {
    await expect(scout.pricing.analyze('not an id')).rejects.toBeInstanceOf(ValidationError);
    await expect(scout.pricing.analyze(42 as unknown as string)).rejects.toMatchObject({
      field: 'listingId',
    });
    await expect(scout.pricing.latest('')).rejects.toBeInstanceOf(ValidationError);
    await expect(scout.pricing.analyze('craigslist:does-not-exist')).rejects.toBeInstanceOf(NotFoundError);
    await expect(scout.pricing.comparables('craigslist:does-not-exist')).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(scout.pricing.comparables(commonF150().id, { limit: 0 })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(scout.pricing.optimize('  ')).rejects.toMatchObject({ field: 'sellerId' });
    await expect(scout.pricing.quote({ title: 'no price' } as never)).rejects.toBeInstanceOf(ValidationError);
    expect(await scout.pricing.latest('craigslist:never-analysed')).toBeNull();
  });
});

describeWithSharedData('scout.pricing with too little data for a model', () => {
  it('does not train, keeps pricing from comparables, and reports why', async () => {
    const listings = (await loadVehicleListings())
      .filter((listing) => listing.brand === 'Ford')
      .slice(0, 120);
    const scout = createDealScout({
      clock: createManualClock('2021-05-05T00:00:00.000Z'),
      logger: silentLogger,
      pricing: { trainEveryMs: null },
    });
    try {
      await scout.ingest(listings);
      const result = await scout.pricing.trainModel();
      expect(result).toMatchObject({ trained: false, version: null, validation: null });
      expect(result.reason).toMatch(/at least 200/);
      expect(await scout.pricing.currentModel()).toBeNull();
      expect(await scout.storage.state.get(priceModelStateKey)).toBeNull();
      const subject = listings.find(
        (listing) => String(listing.attributes.model).startsWith('f-150') && listing.price.amount > 100_000,
      ) as Listing;
      const analysis = await scout.pricing.analyze(subject.id);
      expect(analysis.method).toBe('comparables');
      expect(analysis.modelVersion).toBeNull();
    } finally {
      await scout.close();
    }
  }, 60_000);
});

describe('scout.pricing trend on a synthetic market with a known slope', () => {
  it('reports the 30-day change of a market rising 1% a day from a robust fit', async () => {
    const scout = createDealScout({
      clock: createManualClock('2026-03-31T12:00:00.000Z'),
      logger: silentLogger,
      pricing: { trainEveryMs: null },
    });
    try {
      const now = Date.parse('2026-03-31T12:00:00.000Z');
      const listings = Array.from({ length: 60 }, (_, i) => {
        const daysAgo = (i * 29) / 59;
        const wobble = ((i * 37) % 11) / 100 - 0.05; // deterministic ±5% noise
        const junk = i % 15 === 7; // a few "$1 obo" posts the fit must shrug off
        return {
          marketplace: 'ebay',
          externalId: `widget-${i}`,
          title: 'Acme WX-500 cordless drill kit',
          category: 'tools',
          condition: 'good',
          price: {
            amount: junk ? 100 : Math.round(10_000 * Math.exp(-0.01 * daysAgo + wobble)),
            currency: 'USD',
          },
          postedAt: new Date(now - daysAgo * 86_400_000).toISOString(),
        };
      });
      await scout.ingest(listings);
      const analysis = await scout.pricing.analyze('ebay:widget-0');
      expect(analysis.priceTrend).toBe('increasing');
      // e^(0.01 × 30) − 1 = 34.99%
      expect(Math.abs(analysis.trendPctChange - 34.99)).toBeLessThan(5);

      const flat = listings.map((listing, i) => ({
        ...listing,
        externalId: `flat-${i}`,
        title: 'Bosco garden hose reel',
        price: { amount: 5_000 + ((i * 37) % 11) * 50, currency: 'USD' },
      }));
      await scout.ingest(flat);
      expect((await scout.pricing.analyze('ebay:flat-3')).priceTrend).toBe('stable');
    } finally {
      await scout.close();
    }
  });
});
