/**
 * `pnpm bench:storage`: listing ingest throughput (upserts in batches of 500, of listings as
 * `scout.ingest` hands them to storage: validated and sealed by core; on PostgreSQL also of plain
 * listings that storage validates in full) and
 * `listChangedSince` latency on PostgreSQL, PGlite and the in-memory store, in the same run, on
 * the real Craigslist listings replicated with new ids. Prints a table with ratios against the
 * in-memory store and writes bench/results/storage.json.
 *
 * Env: DATABASE_URL (PostgreSQL; skipped when unset), STORAGE_BENCH_LISTINGS (default 50000),
 * STORAGE_BENCH_QUERIES (default 300), STORAGE_BENCH_ENGINES (default `memory,pglite,postgres`),
 * STORAGE_BENCH_WRITERS (parallel PostgreSQL writers,
 * default 4), DEAL_SCOUT_SHARED_DIR (the real data). Each timed run follows a warm-up of 2,500
 * other listings written to the same store. The machine's load average is recorded with
 * the results: on a shared machine throughput varies with it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createMemoryStorage,
  type Listing,
  ListingSchema,
  type StorageV1,
  sealValidatedListing,
} from '@deal-scout/core';
import { createPgliteStorage, createPgStorage } from '@deal-scout/pg';
import {
  loadProvidenceListings,
  loadVehicleListings,
  sharedDataAvailable,
  sharedDataMissingMessage,
} from '@deal-scout/testkit';
import pg from 'pg';
import { median, quantileSorted } from 'simple-statistics';
import { replicateListings } from './replicate-listings';

const listingCount = Number(process.env.STORAGE_BENCH_LISTINGS ?? 50_000);
const queryCount = Number(process.env.STORAGE_BENCH_QUERIES ?? 300);
const batchSize = 500;
const pageSize = 100;
const targetPostgresListingsPerSec = 10_000;
const databaseUrl = process.env.DATABASE_URL;
/** Which engines to run (memory is the baseline and always runs). */
const engines = new Set((process.env.STORAGE_BENCH_ENGINES ?? 'memory,pglite,postgres').split(','));
/** Writers for the parallel PostgreSQL ingest (a server takes batches from several processes). */
const parallelWriters = Number(process.env.STORAGE_BENCH_WRITERS ?? 4);

const log = (message: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${message}`);
const progress = (label: string, done: number, total: number) => {
  if (process.stdout.isTTY) process.stdout.write(`\r  ${label}: ${Math.round((done / total) * 100)}%   `);
  else if (done === total || done % Math.max(1, Math.floor(total / 10)) === 0)
    log(`  ${label}: ${done}/${total}`);
};
const endProgress = () => {
  if (process.stdout.isTTY) process.stdout.write('\n');
};

type EngineResult = {
  ingestListingsPerSec: number;
  /** Only PostgreSQL: the same ingest with several writers (pool connections) at once. */
  ingestListingsPerSecParallel?: number;
  /** Only PostgreSQL: one writer handed plain listings, which storage validates in full. */
  ingestRawListingsPerSec?: number;
  sinceP50Ms: number;
  sinceP95Ms: number;
  storedListings: number;
};

/** Instants one second apart: batch `i` is ingested "at" `instantOf(i)`. */
const origin = Date.parse('2026-01-01T00:00:00.000Z');
const instantOf = (batch: number) => new Date(origin + batch * 1000).toISOString();

/** Listings written before each timed run (ids of their own, so they never collide). */
let warmUpListings: readonly Listing[] = [];
const warmUpBatches = 5;

async function warmUp(storage: StorageV1): Promise<void> {
  for (let batch = 0; batch * batchSize < warmUpListings.length; batch++) {
    await storage.listings.upsertMany(warmUpListings.slice(batch * batchSize, (batch + 1) * batchSize), {
      now: instantOf(-1),
    });
  }
}

async function measure(
  name: string,
  storage: StorageV1,
  listings: readonly Listing[],
): Promise<EngineResult> {
  const batches = Math.ceil(listings.length / batchSize);
  // Warm-up outside the timing: the first calls load the engine, check the schema and let the
  // JIT compile the validation and write paths; the timed run measures the steady state.
  await warmUp(storage);
  const start = performance.now();
  for (let batch = 0; batch < batches; batch++) {
    await storage.listings.upsertMany(listings.slice(batch * batchSize, (batch + 1) * batchSize), {
      now: instantOf(batch),
    });
    progress(`${name} ingest`, batch + 1, batches);
  }
  const ingestMs = performance.now() - start;
  endProgress();
  const stored = (await storage.listings.count()) - warmUpListings.length;
  if (stored !== listings.length) throw new Error(`${name} stored ${stored} of ${listings.length} listings`);

  // "What changed since my last poll": a page of 100 from a random point of the ingest window.
  let seed = 42;
  const random = () => {
    seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0;
    return seed / 4_294_967_296;
  };
  const latencies: number[] = [];
  for (let query = 0; query < queryCount; query++) {
    const since = instantOf(Math.floor(random() * batches));
    const begin = performance.now();
    const page = await storage.listings.listChangedSince(since, { limit: pageSize });
    latencies.push(performance.now() - begin);
    if (page.items.length === 0) throw new Error(`${name} returned an empty page for ${since}`);
    progress(`${name} listChangedSince`, query + 1, queryCount);
  }
  endProgress();
  latencies.sort((a, b) => a - b);
  return {
    ingestListingsPerSec: Math.round(listings.length / (ingestMs / 1000)),
    sinceP50Ms: round(median(latencies)),
    sinceP95Ms: round(quantileSorted(latencies, 0.95)),
    storedListings: stored,
  };
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** Ingests with `writers` batches in flight at once; returns listings per second. */
async function measureParallelIngest(
  storage: StorageV1,
  listings: readonly Listing[],
  writers: number,
): Promise<number> {
  const batches = Math.ceil(listings.length / batchSize);
  let next = 0;
  let done = 0;
  await warmUp(storage);
  const start = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (let batch = next++; batch < batches; batch = next++) {
        await storage.listings.upsertMany(listings.slice(batch * batchSize, (batch + 1) * batchSize), {
          now: instantOf(batch),
        });
        progress(`postgres ingest, ${writers} writers`, ++done, batches);
      }
    }),
  );
  endProgress();
  const stored = (await storage.listings.count()) - warmUpListings.length;
  if (stored !== listings.length) throw new Error(`parallel ingest stored ${stored} of ${listings.length}`);
  return Math.round(listings.length / ((performance.now() - start) / 1000));
}

async function main(): Promise<void> {
  if (!sharedDataAvailable()) {
    console.log(`bench:storage skipped: it ${sharedDataMissingMessage}`);
    return;
  }
  const real = [...(await loadProvidenceListings()), ...(await loadVehicleListings())];
  // What storage is handed in production: `scout.ingest` validates each listing with core's
  // schema and seals it (frozen, known valid), so storage checks only what it adds. Validation is
  // the runtime's work and done here before timing; the raw run below shows storage validating
  // plain objects in full itself.
  const rawListings = replicateListings(real, listingCount);
  const listings = rawListings.map((listing) => sealValidatedListing(ListingSchema.parse(listing)));
  warmUpListings = real.slice(0, warmUpBatches * batchSize).map((listing) => {
    const externalId = `${listing.externalId}-warm-up`;
    return sealValidatedListing(
      ListingSchema.parse({ ...listing, id: `${listing.marketplace}:${externalId}`, externalId }),
    );
  });
  log(`${listings.length} listings (${real.length} real, replicated with new ids), batches of ${batchSize}`);

  const results: Record<string, EngineResult> = {};

  log('memory');
  results.memory = await measure('memory', createMemoryStorage(), listings);

  if (engines.has('pglite')) {
    log('pglite (in-memory data directory)');
    const pglite = createPgliteStorage();
    try {
      results.pglite = await measure('pglite', pglite, listings);
    } finally {
      await pglite.close();
    }
  }

  if (databaseUrl && engines.has('postgres')) {
    log('postgres');
    const pool = new pg.Pool({ connectionString: databaseUrl, max: Math.max(2, parallelWriters) });
    pool.on('error', () => undefined);
    const schema = `bench_storage_${process.pid}`;
    try {
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      const storage = createPgStorage({ client: pool, schema });
      await storage.migrate();
      results.postgres = await measure('postgres', storage, listings);
      const rawSchema = `${schema}_raw`;
      await pool.query(`DROP SCHEMA IF EXISTS ${rawSchema} CASCADE`);
      const raw = createPgStorage({ client: pool, schema: rawSchema });
      await raw.migrate();
      try {
        log('postgres, plain (unsealed) listings that storage validates in full');
        results.postgres.ingestRawListingsPerSec = (
          await measure('postgres raw', raw, rawListings)
        ).ingestListingsPerSec;
      } finally {
        await pool.query(`DROP SCHEMA IF EXISTS ${rawSchema} CASCADE`);
      }
      const parallelSchema = `${schema}_parallel`;
      await pool.query(`DROP SCHEMA IF EXISTS ${parallelSchema} CASCADE`);
      const parallel = createPgStorage({ client: pool, schema: parallelSchema });
      await parallel.migrate();
      try {
        results.postgres.ingestListingsPerSecParallel = await measureParallelIngest(
          parallel,
          listings,
          parallelWriters,
        );
      } finally {
        await pool.query(`DROP SCHEMA IF EXISTS ${parallelSchema} CASCADE`);
      }
    } finally {
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    }
  } else {
    log('postgres skipped: DATABASE_URL is not set');
  }

  const memory = results.memory;
  const rows = Object.entries(results).map(([engine, result]) => ({
    engine,
    'ingest listings/s': result.ingestListingsPerSec,
    [`ingest, ${parallelWriters} writers`]: result.ingestListingsPerSecParallel ?? '—',
    'ingest, plain listings': result.ingestRawListingsPerSec ?? '—',
    'ingest vs memory': `${(result.ingestListingsPerSec / memory.ingestListingsPerSec).toFixed(3)}×`,
    'since p50 ms': result.sinceP50Ms,
    'since p95 ms': result.sinceP95Ms,
    'since p50 vs memory': `${(result.sinceP50Ms / memory.sinceP50Ms).toFixed(2)}×`,
  }));
  console.table(rows);
  if (results.postgres) {
    const { ingestListingsPerSec, ingestListingsPerSecParallel, ingestRawListingsPerSec } = results.postgres;
    const met = ingestListingsPerSec >= targetPostgresListingsPerSec;
    log(
      `target: PostgreSQL ingest ≥ ${targetPostgresListingsPerSec} listings/s — ${met ? 'met' : 'NOT met'} with one writer (${ingestListingsPerSec}, listings as scout.ingest hands them over); ${ingestListingsPerSecParallel} with ${parallelWriters} writers; ${ingestRawListingsPerSec} with one writer when storage validates plain listings in full`,
    );
  }

  const output = join(dirname(fileURLToPath(import.meta.url)), '..', 'results', 'storage.json');
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(
    output,
    `${JSON.stringify(
      {
        ...results,
        meta: {
          listings: listings.length,
          realListings: real.length,
          batchSize,
          sincePageSize: pageSize,
          sinceQueries: queryCount,
          targetPostgresListingsPerSec,
          parallelWriters,
          loadAverage: loadavg().map((value) => Math.round(value * 10) / 10),
          cpus: cpus().length,
          node: process.version,
          measuredAt: new Date().toISOString(),
        },
      },
      null,
      2,
    )}\n`,
  );
  log(`wrote ${output}`);
}

await main();
