import {
  createDealScout,
  createMemoryStorage,
  type Listing,
  PriceModelSchema,
  priceModelStateKey,
  silentLogger,
  trainPriceModel,
} from '@deal-scout/core';
import { quantile } from 'simple-statistics';
import { jitteredCopy, seededRandom } from './replicate-listings';

/** Latency of `scout.pricing.analyze` on a large in-memory store, indexed and by full scan. */
export type LatencyReport = {
  readonly storeListings: number;
  readonly loadSeconds: number;
  readonly indexedQueries: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Process CPU time per call (user + system): what the call costs without other processes' load. */
  readonly p50CpuMs: number;
  readonly p99CpuMs: number;
  readonly fullScanQueries: number;
  readonly fullScanP50Ms: number;
  readonly fullScanP99Ms: number;
  /** Full-scan p50 / indexed p50: how many times faster the index is. */
  readonly speedupP50: number;
  readonly heapUsedMb: number;
};

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * Builds a store of `target` listings (real ones replicated with jitter), loads it into memory
 * storage and two pricing services (one using the comparables index, one scanning everything),
 * then times `analyze` on random stored listings with both.
 */
export async function measureLatency(
  base: readonly Listing[],
  options: { target: number; queries: number; fullScanQueries: number },
): Promise<LatencyReport> {
  const storage = createMemoryStorage();
  const pricing = { loadIndexFromStorage: false, trainEveryMs: null } as const;
  const indexed = createDealScout({ storage, logger: silentLogger, pricing });
  const scanning = createDealScout({
    storage,
    logger: silentLogger,
    pricing: { ...pricing, comparablesSearch: 'full-scan' },
  });
  // A model trained on the real listings, so analyze runs its full path (model + comparables).
  const trained = trainPriceModel(base, { trainedAt: new Date().toISOString() });
  if (trained.ok) await storage.state.set(priceModelStateKey, PriceModelSchema.parse(trained.model));

  const random = seededRandom(42);
  const started = performance.now();
  const ids: string[] = [];
  const now = new Date().toISOString();
  for (let copy = 0; ids.length < options.target; copy++) {
    for (let start = 0; start < base.length && ids.length < options.target; start += 4000) {
      const chunk = base
        .slice(start, Math.min(start + 4000, start + options.target - ids.length))
        .map((listing) => jitteredCopy(listing, copy, random));
      await storage.listings.upsertMany(chunk, { now });
      await indexed.pricing.indexListings(chunk);
      await scanning.pricing.indexListings(chunk);
      for (const listing of chunk) ids.push(listing.id);
    }
    if (copy % 10 === 0) process.stdout.write(`\r  loaded ${ids.length.toLocaleString('en-US')} listings`);
  }
  const loadSeconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `\r  loaded ${ids.length.toLocaleString('en-US')} listings in ${loadSeconds.toFixed(0)} s\n`,
  );

  const time = async (scout: typeof indexed, count: number, label: string) => {
    const pick = seededRandom(7);
    const durations: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 5; i++) await scout.pricing.analyze(ids[Math.floor(pick() * ids.length)] as string); // warm-up
    for (let i = 0; i < count; i++) {
      const id = ids[Math.floor(pick() * ids.length)] as string;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await scout.pricing.analyze(id);
      durations.push(performance.now() - t0);
      const used = process.cpuUsage(c0);
      cpu.push((used.user + used.system) / 1000);
      if (i % 50 === 0) process.stdout.write(`\r  ${label}: ${i}/${count}`);
    }
    process.stdout.write(`\r  ${label}: ${count}/${count}\n`);
    return { durations, cpu };
  };
  const indexedTimes = await time(indexed, options.queries, 'analyze (index)');
  const scanTimes = await time(scanning, options.fullScanQueries, 'analyze (full scan)');
  const [p50, p99] = quantile(indexedTimes.durations, [0.5, 0.99]) as [number, number];
  const [cpu50, cpu99] = quantile(indexedTimes.cpu, [0.5, 0.99]) as [number, number];
  const [scan50, scan99] = quantile(scanTimes.durations, [0.5, 0.99]) as [number, number];
  return {
    storeListings: ids.length,
    loadSeconds: round(loadSeconds),
    indexedQueries: indexedTimes.durations.length,
    p50Ms: round(p50),
    p99Ms: round(p99),
    p50CpuMs: round(cpu50),
    p99CpuMs: round(cpu99),
    fullScanQueries: scanTimes.durations.length,
    fullScanP50Ms: round(scan50),
    fullScanP99Ms: round(scan99),
    speedupP50: round(scan50 / p50),
    heapUsedMb: Math.round(process.memoryUsage().heapUsed / 1_048_576),
  };
}
