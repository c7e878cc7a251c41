import { loadVehicleListings, sharedDataAvailable } from '@deal-scout/testkit';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, startTestServer, type TestServer } from './start-test-server';

describe.runIf(sharedDataAvailable()).each(engines)(
  'pricing endpoints on $name (real vehicle listings)',
  ({ env }) => {
    let server: TestServer;
    let user: string;
    let userId: string;
    let sample: Awaited<ReturnType<typeof loadVehicleListings>>;

    beforeAll(async () => {
      server = await startTestServer(env);
      const admin = await server.register('admin@example.com');
      user = await server.register('seller@example.com');
      userId = decodeJwt(user).sub as string;
      sample = (await loadVehicleListings()).filter((l) => l.price.amount > 100_000).slice(0, 600);
      // Two of the seller's own listings, so /seller/pricing/optimize has something to analyse.
      const own = sample
        .slice(0, 2)
        .map((l) => ({ ...l, id: `feed:${l.externalId}`, marketplace: 'feed', seller: { id: userId } }));
      const response = await server.request('/listings/ingest', {
        method: 'POST',
        token: admin,
        json: { listings: [...sample, ...own] },
      });
      expect(response.status).toBe(200);
    }, 180_000);
    afterAll(async () => server?.stop());

    it('analyses a listing, stores the analysis and reads it back', async () => {
      const target = sample.find((l) => l.brand?.toLowerCase() === 'ford') ?? sample[0]!;
      const analyzed = await server.request(`/listings/${target.id}/analyze-price`, {
        method: 'POST',
        token: user,
      });
      expect(analyzed.status).toBe(200);
      const analysis = await analyzed.json();
      expect(analysis.listingId).toBe(target.id);
      expect(analysis.comparableListings).toBeGreaterThan(0);
      expect(analysis.recommendedPrice.currency).toBe('USD');
      expect(analysis.priceRangeMin.amount).toBeLessThanOrEqual(analysis.recommendedPrice.amount);
      expect(analysis.priceRangeMax.amount).toBeGreaterThanOrEqual(analysis.recommendedPrice.amount);
      expect(['increasing', 'stable', 'decreasing']).toContain(analysis.priceTrend);
      const stored = await server.request(`/listings/${target.id}/price-analysis`, { token: user });
      expect((await stored.json()).id).toBe(analysis.id);
    });

    it('lists comparable listings, most similar first', async () => {
      // A common model, so the market has comparables for it.
      const target = sample.find((l) => /silverado|f-150/i.test(l.title)) ?? sample[0]!;
      const response = await server.request(`/listings/${target.id}/comparable-listings?limit=5`, {
        token: user,
      });
      expect(response.status).toBe(200);
      const { items } = await response.json();
      expect(items.length).toBeGreaterThan(0);
      expect(items.length).toBeLessThanOrEqual(5);
      const similarities = items.map((item: { similarity: number }) => item.similarity);
      expect(similarities).toEqual([...similarities].sort((a, b) => b - a));
      expect(items.map((item: { listingId: string }) => item.listingId)).not.toContain(target.id);
    });

    it("optimises the caller's own listings only", async () => {
      const response = await server.request('/seller/pricing/optimize', { method: 'POST', token: user });
      expect(response.status).toBe(200);
      const { items } = await response.json();
      expect(items.map((item: { listingId: string }) => item.listingId).sort()).toEqual(
        sample
          .slice(0, 2)
          .map((l) => `feed:${l.externalId}`)
          .sort(),
      );
    });

    it('answers unknown listings with 404 problems', async () => {
      const analyze = await server.request('/listings/feed:nope/analyze-price', {
        method: 'POST',
        token: user,
      });
      expect(analyze.status).toBe(404);
      const never = await server.request(`/listings/${sample[5]!.id}/price-analysis`, { token: user });
      expect(never.status).toBe(404);
      expect((await never.json()).code).toBe('NOT_FOUND');
    });
  },
);
