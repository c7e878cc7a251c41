/**
 * The load generator: a separate process (forked by `run-load.ts`) that runs autocannon against
 * one server, first a warm-up and then the measured run, and reports progress every second and
 * both summaries at the end over IPC.
 *
 * Latencies are taken from autocannon's per-response `responseTime` (a float from
 * `process.hrtime`) rather than its histogram, which keeps whole milliseconds only: the bare route
 * answers in about a millisecond, so its percentiles need the fractions.
 */
import autocannon from 'autocannon';
import { mean, quantileSorted } from 'simple-statistics';
import type { LoadJob, LoadSummary, WorkerMessage } from './load-protocol';

const send = (message: WorkerMessage) => process.send?.(message);
const round = (value: number) => Math.round(value * 1000) / 1000;

function run(job: LoadJob, phase: 'warm-up' | 'measure', durationSeconds: number): Promise<LoadSummary> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const statusCounts: Record<string, number> = {};
    let responses = 0;
    let lastTick = -1;
    const started = performance.now();
    const instance = autocannon(
      {
        url: job.origin,
        connections: job.connections,
        duration: durationSeconds,
        headers: { ...job.headers },
        requests: job.requests.map((request) => ({ method: request.method, path: request.path })),
        // autocannon's default of 10 s would turn a slow answer into an error instead of a latency.
        timeout: 30,
      },
      (error, result) => {
        if (error) {
          reject(error);
          return;
        }
        latencies.sort((a, b) => a - b);
        const ok = latencies.length;
        resolve({
          rps: Math.round((ok / result.duration) * 10) / 10,
          p50Ms: ok ? round(quantileSorted(latencies, 0.5)) : Number.NaN,
          p99Ms: ok ? round(quantileSorted(latencies, 0.99)) : Number.NaN,
          meanMs: ok ? round(mean(latencies)) : Number.NaN,
          maxMs: ok ? round(latencies[ok - 1]!) : Number.NaN,
          ok,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          statusCounts,
          durationSeconds: result.duration,
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      responses++;
      statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
    instance.on('tick', () => {
      const elapsedSeconds = Math.round((performance.now() - started) / 1000);
      // autocannon ticks once more as it stops; one report per second is enough.
      if (elapsedSeconds === lastTick) return;
      lastTick = elapsedSeconds;
      send({ type: 'tick', phase, elapsedSeconds, responses });
    });
  });
}

process.once('message', (job: LoadJob) => {
  (async () => {
    const warmup = job.warmupSeconds > 0 ? await run(job, 'warm-up', job.warmupSeconds) : null;
    const summary = await run(job, 'measure', job.durationSeconds);
    send({ type: 'done', warmup, summary });
  })().then(
    () => process.disconnect?.(),
    (error: unknown) => {
      send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
      process.disconnect?.();
    },
  );
});
