/**
 * `pnpm bench:notify`: 10,000 alert matches for 1,000 users with mixed preferences through the
 * delivery policy, the outbox and the dispatcher to recording channels with realistic
 * per-channel rate limits, once clean and once with 5% injected transient failures. Time is
 * scaled 10× by default: each limit's interval is 100 ms instead of 1 s (provider latency and
 * retry backoff are scaled the same way), so a run takes about a minute instead of ten.
 * Utilization is attempts (failed ones included: they use the provider's limit too) ÷ what the
 * limits allow over each channel's busy window, from its first attempt to its last. With
 * failures, `rateLimitUtilization` leaves out the moments when every unsent message of a channel
 * was waiting out its retry backoff (nothing could be sent then, so no limit was being wasted);
 * `rateLimitUtilizationRaw` keeps them. The baseline is the same number of sends pushed straight
 * through p-queues with the same limits (no policy, no outbox) in the same run.
 * Writes bench/results/notify.json and prints a table.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChannelKind, ChannelLimitsV1 } from '@deal-scout/core';
import { expectedOutcomes } from './expected-outcomes';
import { generateWorkload } from './generate-workload';
import { type ChannelResult, runBaseline, runScenario, type ScenarioResult } from './run-scenario';

/** How much faster than real time the limits run (env NOTIFY_BENCH_TIME_SCALE, default 10). */
const timeScale = Number(process.env.NOTIFY_BENCH_TIME_SCALE ?? 10);
const interval = 1000 / timeScale;
/**
 * Real limits per second: email 14/s (Amazon SES's default sending rate), SMS 3 segments/s (a
 * Twilio toll-free number), Discord 50 requests/s (its global limit per IP), Web Push 100/s (our
 * own cap; push services allow more). Concurrency is what each provider tolerates comfortably.
 */
const limits: Record<ChannelKind, ChannelLimitsV1> = {
  email: { concurrency: 5, intervalCap: 14, intervalMs: interval },
  sms: { concurrency: 4, intervalCap: 3, intervalMs: interval },
  discord: { concurrency: 20, intervalCap: 50, intervalMs: interval },
  push: { concurrency: 40, intervalCap: 100, intervalMs: interval },
};
/** Typical provider response times (~100–250 ms), scaled like the intervals. */
const latencyMs: Record<ChannelKind, number> = {
  email: 200 / timeScale,
  sms: 240 / timeScale,
  discord: 160 / timeScale,
  push: 100 / timeScale,
};
const target = 0.9;

const log = (message: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${message}`);
const now = new Date();
const workload = generateWorkload({ users: 1000, matches: 10_000, listings: 3000, now, seed: 42 });
const expected = expectedOutcomes(workload, now);
const due = new Map([...expected.dueNow].map(([channel, keys]) => [channel, keys.size] as const));
const digestDeals = [...expected.digestItems.values()].reduce((a, b) => a + b, 0);
log(
  `workload: ${workload.preferences.length} users, ${workload.rules.length} rules, ${workload.matches.length} matches ` +
    `(${expected.duplicateEvents} replays) → due now ${[...due].map(([c, n]) => `${c} ${n}`).join(', ')}; ` +
    `${expected.deferred.size} deferred by quiet hours; ${digestDeals} deals into digests; ${expected.suppressed} suppressed`,
);

log('baseline: the same sends straight through p-queues with the same limits');
const baseline = await runBaseline(due, limits, latencyMs);
const clean = await runScenario({
  name: 'clean',
  workload,
  expected,
  limits,
  latencyMs,
  failureRate: 0,
  retryAfterMs: 0,
  baseRetryDelayMs: Math.round(1000 / timeScale),
  timeoutMs: 300_000,
});
const withFailures = await runScenario({
  name: '5% failures',
  workload,
  expected,
  limits,
  latencyMs,
  failureRate: 0.05,
  retryAfterMs: Math.round(1000 / timeScale),
  baseRetryDelayMs: Math.round(1000 / timeScale),
  timeoutMs: 300_000,
});

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
const row = (cells: (string | number)[]) =>
  console.log(cells.map((cell, i) => String(cell).padStart(i === 0 ? 22 : 11)).join(''));
console.log('');
row(['', 'email', 'push', 'sms', 'discord', 'overall']);
const perChannel = (
  label: string,
  results: ChannelResult[],
  overall: string,
  value: (r: ChannelResult) => string,
) =>
  row([
    label,
    ...(['email', 'push', 'sms', 'discord'] as const).map((c) =>
      value(results.find((r) => r.channel === c)!),
    ),
    overall,
  ]);
const baselineOverall =
  baseline.reduce((s, r) => s + r.attempts, 0) /
  baseline.reduce((s, r) => s + (r.attempts ? r.attempts / r.utilization : 0), 0);
perChannel('sends due', clean.channels, String([...due.values()].reduce((a, b) => a + b, 0)), (r) =>
  String(due.get(r.channel)),
);
perChannel('baseline utilization', baseline, pct(baselineOverall), (r) => pct(r.utilization));
perChannel('clean utilization', clean.channels, pct(clean.rateLimitUtilization), (r) => pct(r.utilization));
perChannel('5% fail, whole window', withFailures.channels, pct(withFailures.rateLimitUtilizationRaw), (r) =>
  pct(r.utilization),
);
perChannel('5% fail, while due', withFailures.channels, pct(withFailures.rateLimitUtilization), (r) =>
  pct(r.utilizationWhileDue ?? r.utilization),
);
perChannel('5% fail attempts', withFailures.channels, '', (r) => `${r.attempts} (${r.failures}✗)`);
console.log('');
const summary = (name: string, result: ScenarioResult) =>
  log(
    `${name}: utilization ${pct(result.rateLimitUtilization)} (${(result.rateLimitUtilization / baselineOverall).toFixed(3)}× baseline, target ≥ ${pct(target)}), ` +
      `duplicates ${result.duplicates}, lost ${result.lost}, policy ${Math.round(result.policyMatchesPerSecond)} matches/s, dispatch ${(result.dispatchMs / 1000).toFixed(1)} s`,
  );
summary('clean', clean);
summary('5% failures', withFailures);

const scenarioJson = (result: ScenarioResult) => ({
  rateLimitUtilization: Number(result.rateLimitUtilization.toFixed(4)),
  rateLimitUtilizationRaw: Number(result.rateLimitUtilizationRaw.toFixed(4)),
  duplicates: result.duplicates,
  lost: result.lost,
  lostBreakdown: result.lostBreakdown,
  ratioToBaseline: Number((result.rateLimitUtilization / baselineOverall).toFixed(4)),
  policyMatchesPerSecond: Math.round(result.policyMatchesPerSecond),
  dispatchSeconds: Number((result.dispatchMs / 1000).toFixed(2)),
  channels: result.channels.map((r) => ({
    ...r,
    utilization: Number(r.utilization.toFixed(4)),
    busyMs: Math.round(r.busyMs),
  })),
});
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(join(root, 'results'), { recursive: true });
writeFileSync(
  join(root, 'results', 'notify.json'),
  `${JSON.stringify(
    {
      generatedAt: new Date().toISOString(),
      timeScale: `limits per ${interval} ms instead of per second (${timeScale}× faster)`,
      limitsPerSecondUnscaled: Object.fromEntries(
        Object.entries(limits).map(([c, l]) => [c, { concurrency: l.concurrency, perSecond: l.intervalCap }]),
      ),
      workload: {
        users: workload.preferences.length,
        rules: workload.rules.length,
        matches: workload.matches.length,
        replayedMatches: expected.duplicateEvents,
        dueNow: Object.fromEntries(due),
        deferredByQuietHours: expected.deferred.size,
        dealsIntoDigests: digestDeals,
        suppressed: expected.suppressed,
      },
      target: { rateLimitUtilization: target, duplicates: 0, lost: 0 },
      baseline: { rateLimitUtilization: Number(baselineOverall.toFixed(4)), channels: baseline },
      ...scenarioJson(clean),
      withFailures: { failureRate: 0.05, ...scenarioJson(withFailures) },
    },
    null,
    2,
  )}\n`,
);
log('wrote bench/results/notify.json');
const ok = (r: ScenarioResult) => r.rateLimitUtilization >= target && r.duplicates === 0 && r.lost === 0;
if (!ok(clean) || !ok(withFailures)) process.exitCode = 1;
