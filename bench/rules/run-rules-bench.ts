/**
 * `pnpm bench:rules`: the rule index against the naive matcher, on rules generated from the
 * vocabulary of the real listing titles and listings replayed from the real data, for 10k, 100k
 * and 1M rules. Writes bench/results/rules.json and prints a table.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNaiveRuleMatcher, createRuleIndex, type Listing } from '@deal-scout/core';
import { loadProvidenceListings, loadVehicleListings, sharedDataAvailable } from '@deal-scout/testkit';
import { quantileSorted } from 'simple-statistics';
import { createRandom, createRuleGenerator } from './generate-rules';

const sizes = (process.env.RULES_BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
/** The naive matcher is sampled: it runs on listings until this budget of time is spent. */
const naiveBudgetMs = Number(process.env.RULES_BENCH_NAIVE_MS ?? 8000);
const targets = { speedupAt100k: 200, p99MsAt100k: 2, p99MsAt1M: 20, bytesPerRuleAt1M: 1024 };

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.error('run with --expose-gc (pnpm bench:rules does) so memory can be measured');
  process.exit(1);
}
if (!sharedDataAvailable()) {
  console.error('bench:rules needs the shared real data (../shared/data or DEAL_SCOUT_SHARED_DIR)');
  process.exit(1);
}

/** Bytes held: the V8 heap plus memory outside it (typed-array backing stores). */
const heapUsed = () => {
  for (let i = 0; i < 3; i++) gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
};
const log = (message: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${message}`);
const ms = (start: number) => performance.now() - start;

/** Replays every listing of both real datasets, shuffled so vehicles and goods interleave. */
async function replayListings(): Promise<Listing[]> {
  const listings = [...(await loadProvidenceListings()), ...(await loadVehicleListings())];
  const random = createRandom(7);
  for (let i = listings.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [listings[i], listings[j]] = [listings[j]!, listings[i]!];
  }
  return listings;
}

type SizeResult = {
  rules: number;
  buildMs: number;
  bytesPerRule: number;
  indexListingsPerSec: number;
  naiveListingsPerSec: number;
  naiveSampledListings: number;
  speedup: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  p50BestOf3Ms: number;
  p99BestOf3Ms: number;
  matchesPerListing: number;
  agreement: string;
  paths: Record<string, number>;
};

async function measureSize(count: number, listings: readonly Listing[]): Promise<SizeResult> {
  const generate = createRuleGenerator(listings);
  const label = `[${count.toLocaleString('en-US')} rules]`;
  const baseline = heapUsed();
  let start = performance.now();
  const index = createRuleIndex();
  for (let i = 0; i < count; i++) {
    index.add(generate(i));
    if ((i + 1) % 250_000 === 0) log(`${label} indexed ${(i + 1).toLocaleString('en-US')}`);
  }
  const buildMs = ms(start);
  const bytesPerRule = (heapUsed() - baseline) / count;
  log(`${label} index built in ${(buildMs / 1000).toFixed(1)} s, ${bytesPerRule.toFixed(0)} B/rule`);

  for (const listing of listings.slice(0, 500)) index.match(listing); // warm-up
  const times = new Float64Array(listings.length);
  let matches = 0;
  start = performance.now();
  listings.forEach((listing, i) => {
    const t = performance.now();
    matches += index.match(listing).length;
    times[i] = performance.now() - t;
  });
  const indexMs = ms(start);
  const sorted = [...times].sort((a, b) => a - b);
  // Each listing twice more: the fastest of its three timings drops the time the process spent
  // waiting for a core on this shared machine (thread CPU time cannot: it counts in 4 ms ticks).
  const bestTimes = Float64Array.from(times);
  for (let round = 0; round < 2; round++) {
    listings.forEach((listing, i) => {
      const t = performance.now();
      index.match(listing);
      bestTimes[i] = Math.min(bestTimes[i]!, performance.now() - t);
    });
  }
  const bestSorted = [...bestTimes].sort((a, b) => a - b);
  const indexListingsPerSec = listings.length / (indexMs / 1000);
  log(`${label} index: ${indexListingsPerSec.toFixed(0)} listings/s`);

  // The naive matcher holds the same rules, regenerated from the same seed.
  const naive = createNaiveRuleMatcher();
  for (let i = 0; i < count; i++) naive.add(generate(i));
  // The ratio compares both on the same sampled listings, measured one right after the other so
  // they see the same load (this machine is shared): the naive matcher once (it streams through
  // every rule anyway), then the index over the same listings, three times, warm as it runs in
  // production. The index's throughput above covers every listing.
  const sample: Listing[] = [];
  const expected: string[][] = [];
  let naiveMs = 0;
  const stride = Math.max(1, Math.floor(listings.length / 2000));
  for (let i = 0; i < listings.length && naiveMs < naiveBudgetMs; i += stride) {
    const listing = listings[i]!;
    const t = performance.now();
    expected.push(naive.match(listing));
    naiveMs += performance.now() - t;
    sample.push(listing);
  }
  const sampled = sample.length;
  const repeats = 3;
  start = performance.now();
  for (let r = 0; r < repeats; r++) for (const listing of sample) index.match(listing);
  const indexSampleMs = ms(start) / repeats;
  let disagreements = 0;
  sample.forEach((listing, i) => {
    const actual = new Set(index.match(listing));
    const wanted = expected[i]!;
    if (actual.size !== wanted.length || wanted.some((id) => !actual.has(id))) disagreements++;
  });
  const naiveListingsPerSec = sampled / (naiveMs / 1000);
  const speedup = naiveMs / indexSampleMs;
  log(
    `${label} naive: ${naiveListingsPerSec.toFixed(1)} listings/s over ${sampled} sampled listings; the index is ${speedup.toFixed(0)}× faster on them`,
  );
  const stats = index.stats();
  return {
    rules: count,
    buildMs: Math.round(buildMs),
    bytesPerRule: Math.round(bytesPerRule),
    indexListingsPerSec: Math.round(indexListingsPerSec),
    naiveListingsPerSec: Number(naiveListingsPerSec.toFixed(2)),
    naiveSampledListings: sampled,
    speedup: Math.round(speedup),
    p50Ms: Number(quantileSorted(sorted, 0.5).toFixed(4)),
    p99Ms: Number(quantileSorted(sorted, 0.99).toFixed(4)),
    maxMs: Number(sorted.at(-1)!.toFixed(3)),
    p50BestOf3Ms: Number(quantileSorted(bestSorted, 0.5).toFixed(4)),
    p99BestOf3Ms: Number(quantileSorted(bestSorted, 0.99).toFixed(4)),
    matchesPerListing: Number((matches / listings.length).toFixed(2)),
    agreement: `${sampled - disagreements}/${sampled}`,
    paths: {
      keyword: stats.byKeyword,
      keywordNearby: stats.byKeywordNearby,
      grid: stats.byGrid,
      category: stats.byCategory,
      price: stats.byPrice,
      marketplace: stats.byMarketplace,
      everyListing: stats.scannedForEveryListing,
    },
  };
}

log('loading the real listings…');
const listings = await replayListings();
log(`${listings.length} listings replayed (Providence for-sale + vehicles sample)`);
const results: SizeResult[] = [];
for (const size of sizes) {
  results.push(await measureSize(size, listings));
  heapUsed();
}

const at = (rules: number) => results.find((result) => result.rules === rules);
const checks = [
  {
    target: `speedup ≥ ${targets.speedupAt100k}× at 100k`,
    value: at(100_000)?.speedup,
    ok: (v: number) => v >= targets.speedupAt100k,
  },
  {
    target: `p99 < ${targets.p99MsAt100k} ms at 100k`,
    value: at(100_000)?.p99Ms,
    ok: (v: number) => v < targets.p99MsAt100k,
  },
  {
    target: `p99 < ${targets.p99MsAt1M} ms at 1M`,
    value: at(1_000_000)?.p99Ms,
    ok: (v: number) => v < targets.p99MsAt1M,
  },
  {
    target: `< ${targets.bytesPerRuleAt1M} B/rule at 1M`,
    value: at(1_000_000)?.bytesPerRule,
    ok: (v: number) => v < targets.bytesPerRuleAt1M,
  },
].map((check) => ({
  target: check.target,
  value: check.value ?? null,
  met: check.value === undefined ? null : check.ok(check.value),
}));

console.log();
console.table(
  results.map((r) => ({
    rules: r.rules.toLocaleString('en-US'),
    'build s': (r.buildMs / 1000).toFixed(1),
    'B/rule': r.bytesPerRule,
    'index listings/s': r.indexListingsPerSec,
    'naive listings/s': r.naiveListingsPerSec,
    speedup: `${r.speedup}×`,
    'p50 ms': r.p50Ms,
    'p99 ms': r.p99Ms,
    'p99 best of 3 ms': r.p99BestOf3Ms,
    'matches/listing': r.matchesPerListing,
    agreement: r.agreement,
  })),
);
for (const check of checks) {
  console.log(
    `${check.met === null ? 'n/a ' : check.met ? 'MET ' : 'MISS'} ${check.target}: ${check.value ?? '—'}`,
  );
}

const output = join(dirname(fileURLToPath(import.meta.url)), '..', 'results', 'rules.json');
writeFileSync(
  output,
  `${JSON.stringify(
    {
      benchmark: 'rules',
      generatedAt: new Date().toISOString(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version },
      listings: listings.length,
      naiveBudgetMs,
      speedupMethod:
        'naive time / index time on the same sampled listings (naive once, then the index three times, warm)',
      loadAverage: loadavg(),
      sizes: results,
      targets: checks,
    },
    null,
    2,
  )}\n`,
);
log(`wrote ${output}`);
