/**
 * `pnpm bench:server`: requests/s and latency of the reference server's `GET /deal-alert-rules`
 * and `POST /deal-alert-rules/{id}/test` under load from a second process (autocannon, see
 * `load-worker.ts`), against a bare Hono route on `@hono/node-server` measured in the same run,
 * so the results are ratios. The real server runs in this process on PGlite (temporary data
 * directory) and, when DATABASE_URL is set, on PostgreSQL (own schema, dropped after); a user
 * with ~20 rules built from the real listing titles is set up, and a few thousand real
 * Providence listings are ingested as the admin before the load. Prints a table and writes
 * bench/results/server.json.
 *
 * Env: DATABASE_URL (PostgreSQL; skipped when unset), SERVER_BENCH_DURATION_S (10, per endpoint),
 * SERVER_BENCH_WARMUP_S (2), SERVER_BENCH_CONNECTIONS (10), SERVER_BENCH_LISTINGS (2000),
 * SERVER_BENCH_RULES (20), DEAL_SCOUT_SHARED_DIR (the real data).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProvidenceListings, sharedDataAvailable, sharedDataMissingMessage } from '@deal-scout/testkit';
import { generateRuleInputs } from './generate-rule-inputs';
import type { LoadRequest, LoadSummary } from './load-protocol';
import { runLoad } from './run-load';
import { seedBenchServer } from './seed-bench-server';
import { startBareServer } from './start-bare-server';
import { startBenchServer } from './start-bench-server';

const bounded = (name: string, fallback: number, min: number, max: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be an integer from ${min} to ${max}`);
  return value;
};
const settings = {
  durationSeconds: bounded('SERVER_BENCH_DURATION_S', 10, 1, 60),
  warmupSeconds: bounded('SERVER_BENCH_WARMUP_S', 2, 0, 10),
  connections: bounded('SERVER_BENCH_CONNECTIONS', 10, 1, 64),
  listings: bounded('SERVER_BENCH_LISTINGS', 2000, 100, 20_000),
  rules: bounded('SERVER_BENCH_RULES', 20, 1, 100),
  ingestBatchSize: 1000,
  host: '127.0.0.1',
  // The server's maximum: far above what one user sends here in a minute (checked: any 429 fails the run).
  rateLimitPerMinute: 100_000,
  pipelining: 1,
  loadGenerator: 'autocannon 9 in a child process',
  requestLogs: 'pino at info, to /dev/null',
};
const databaseUrl = process.env.DATABASE_URL;

const log = (message: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${message}`);
const progress = (line: string) => {
  if (process.stdout.isTTY) process.stdout.write(`\r  ${line}   `);
  else log(`  ${line}`);
};
const endProgress = () => {
  if (process.stdout.isTTY) process.stdout.write('\n');
};

type Target = {
  readonly name: 'bare' | 'listRules' | 'testRule';
  readonly origin: string;
  readonly requests: LoadRequest[];
};
type EndpointResult = Pick<LoadSummary, 'rps' | 'p50Ms' | 'p99Ms' | 'meanMs' | 'maxMs' | 'ok'>;

/** Loads a target from a second process: a warm-up off the record (JIT, caches), then the measured run. */
async function measure(target: Target, headers: Record<string, string>): Promise<EndpointResult> {
  const { warmup, summary } = await runLoad({
    label: target.name,
    origin: target.origin,
    requests: target.requests,
    headers,
    connections: settings.connections,
    warmupSeconds: settings.warmupSeconds,
    durationSeconds: settings.durationSeconds,
    onProgress: (name, phase, elapsed, responses) =>
      progress(
        `${name} ${phase}: ${elapsed}/${phase === 'warm-up' ? settings.warmupSeconds : settings.durationSeconds} s, ${responses} responses`,
      ),
  });
  endProgress();
  if (warmup) assertClean(`${target.name} warm-up`, warmup);
  assertClean(target.name, summary);
  const { rps, p50Ms, p99Ms, meanMs, maxMs, ok } = summary;
  return { rps, p50Ms, p99Ms, meanMs, maxMs, ok };
}

/** A run with failures (a 429 from the rate limiter, a 5xx, a dropped connection) measures the wrong thing. */
function assertClean(label: string, summary: LoadSummary): void {
  if (summary.ok === 0 || summary.non2xx > 0 || summary.errors > 0) {
    throw new Error(
      `${label}: ${summary.ok} ok, ${summary.non2xx} non-2xx, ${summary.errors} errors (${summary.timeouts} timeouts); statuses ${JSON.stringify(summary.statusCounts)}`,
    );
  }
}

async function runEngine(
  engine: string,
  listings: Awaited<ReturnType<typeof loadProvidenceListings>>,
  rules: ReturnType<typeof generateRuleInputs>,
) {
  log(`${engine}: starting the reference server and the bare route`);
  const bare = await startBareServer(settings.host);
  const server = await startBenchServer({
    host: settings.host,
    rateLimitPerMinute: settings.rateLimitPerMinute,
    ...(engine === 'postgres' && databaseUrl ? { databaseUrl } : {}),
  });
  try {
    const seedStarted = performance.now();
    const user = await seedBenchServer({
      origin: server.origin,
      rules,
      listings,
      batchSize: settings.ingestBatchSize,
      onProgress: (done, total) => progress(`${engine} ingest: ${done}/${total} listings`),
    });
    endProgress();
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    log(
      `${engine}: ${user.ruleIds.length} rules, ${listings.length} listings ingested in ${seedSeconds.toFixed(1)} s, ${user.alerts} alerts for the user`,
    );
    const targets: Target[] = [
      { name: 'bare', origin: bare.origin, requests: [{ method: 'GET', path: '/bare' }] },
      { name: 'listRules', origin: server.origin, requests: [{ method: 'GET', path: '/deal-alert-rules' }] },
      {
        name: 'testRule',
        origin: server.origin,
        // Each connection cycles through the user's rules, as a user trying each of them would.
        requests: user.ruleIds.map((id) => ({ method: 'POST', path: `/deal-alert-rules/${id}/test` })),
      },
    ];
    const results: Record<string, EndpointResult> = {};
    for (const target of targets) {
      log(`${engine}: ${target.name} (${settings.connections} connections, ${settings.durationSeconds} s)`);
      results[target.name] = await measure(
        target,
        target.name === 'bare' ? {} : { authorization: `Bearer ${user.token}` },
      );
    }
    return { results, seedSeconds: Math.round(seedSeconds * 10) / 10, alerts: user.alerts };
  } finally {
    await server.stop();
    await bare.close();
  }
}

async function main(): Promise<void> {
  if (!sharedDataAvailable()) {
    console.log(`bench:server skipped: it ${sharedDataMissingMessage}`);
    return;
  }
  const started = performance.now();
  // The machine may be shared: its load, before and after, says how far to trust absolute numbers.
  const loadAverageAtStart = loadavg()[0] ?? 0;
  const providence = await loadProvidenceListings();
  const listings = providence.slice(0, settings.listings);
  const rules = generateRuleInputs(providence, settings.rules);
  log(`${listings.length} real Providence listings, ${rules.length} rules from their titles`);

  const engines = ['pglite', ...(databaseUrl ? ['postgres'] : [])];
  if (!databaseUrl) log('postgres skipped: DATABASE_URL is not set');
  const results: Record<string, Record<string, EndpointResult>> = {};
  const setup: Record<string, { seedSeconds: number; alertsForUser: number }> = {};
  for (const engine of engines) {
    const run = await runEngine(engine, listings, rules);
    results[engine] = run.results;
    setup[engine] = { seedSeconds: run.seedSeconds, alertsForUser: run.alerts };
  }

  const rows = Object.entries(results).flatMap(([engine, endpoints]) =>
    Object.entries(endpoints).map(([endpoint, r]) => ({
      engine,
      endpoint,
      'requests/s': r.rps,
      responses: r.ok,
      'p50 ms': r.p50Ms,
      'p99 ms': r.p99Ms,
      'rps vs bare': `${(r.rps / endpoints.bare!.rps).toPrecision(3)}×`,
      'p99 vs bare': `${(r.p99Ms / endpoints.bare!.p99Ms).toPrecision(3)}×`,
    })),
  );
  console.table(rows);

  const output = {
    ...Object.fromEntries(
      Object.entries(results).map(([engine, endpoints]) => [
        engine,
        Object.fromEntries(
          Object.entries(endpoints).map(([endpoint, r]) => [
            endpoint,
            {
              ...r,
              ...(endpoint === 'bare'
                ? {}
                : {
                    rpsVsBare: Number((r.rps / endpoints.bare!.rps).toPrecision(3)),
                    p99VsBare: Number((r.p99Ms / endpoints.bare!.p99Ms).toPrecision(3)),
                  }),
            },
          ]),
        ),
      ]),
    ),
    meta: {
      endpoints: {
        bare: 'GET /bare (trivial Hono route, same process)',
        listRules: 'GET /deal-alert-rules (default page of 20)',
        testRule: 'POST /deal-alert-rules/{id}/test (cycling through the user rules)',
      },
      settings: { ...settings, rulesCreated: rules.length, listingsIngested: listings.length },
      setup,
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        totalMemGiB: round(totalmem() / 2 ** 30),
        freeMemGiBAtEnd: round(freemem() / 2 ** 30),
        loadAverage1mAtStart: round(loadAverageAtStart),
        loadAverage1mAtEnd: round(loadavg()[0] ?? 0),
        platform: `${process.platform} ${release()}`,
        node: process.version,
      },
      totalSeconds: Math.round((performance.now() - started) / 1000),
      measuredAt: new Date().toISOString(),
    },
  };
  const resultsPath = join(dirname(fileURLToPath(import.meta.url)), '..', 'results', 'server.json');
  mkdirSync(dirname(resultsPath), { recursive: true });
  writeFileSync(resultsPath, `${JSON.stringify(output, null, 2)}\n`);
  log(`wrote ${resultsPath} (${output.meta.totalSeconds} s in all)`);
}

const round = (value: number) => Math.round(value * 1000) / 1000;

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
