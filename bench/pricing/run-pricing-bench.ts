/**
 * `pnpm bench:pricing`: price accuracy on the real Craigslist vehicle listings (time-ordered
 * split; the model, comparables alone, and two baselines in the same run) and `analyze` latency
 * on a store of 1M listings (indexed against a full scan in the same run). Writes
 * bench/results/pricing.json and bench/results/pricing-predicted-vs-actual.svg.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadVehicleListings, sharedDataAvailable, sharedDataMissingMessage } from '@deal-scout/testkit';
import { type AccuracyReport, accuracyOf } from './accuracy-metrics';
import { comparablesCases, globalMedianCases, makeModelMedianCases, modelCases } from './evaluate-methods';
import { measureLatency } from './measure-latency';
import { predictionsSvg } from './plot-predictions';
import { splitVehicles } from './vehicle-split';

if (!sharedDataAvailable()) {
  console.log(`bench:pricing skipped: ${sharedDataMissingMessage}`);
  process.exit(0);
}
const resultsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'results');
const storeSize = Number(process.env.PRICING_BENCH_STORE ?? 1_000_000);

console.log('pricing accuracy: real Craigslist vehicle listings, time-ordered 80/20 split');
const listings = await loadVehicleListings();
const split = splitVehicles(listings);
console.log(
  `  train ${split.train.length} (before ${split.cutoff}), test ${split.test.length}; dropped from test: ` +
    `${split.droppedZero} at $0, ${split.droppedScamOrMistake} possible scam/mistake, ${split.droppedOverpriced} overpriced`,
);
const model = modelCases(split.train, split.test);
console.log(
  `  model ${model.model.version}: ${model.model.features.length} features, λ = ${model.model.lambda}`,
);
const reports: AccuracyReport[] = [
  accuracyOf('model (ridge, falls back to comparables)', model.cases),
  accuracyOf('comparables alone', comparablesCases(split.train, split.test)),
  accuracyOf('baseline: global median', globalMedianCases(split.train, split.test)),
  accuracyOf('baseline: make + model median', makeModelMedianCases(split.train, split.test)),
];
const [modelReport, comparablesReport, globalReport, makeModelReport] = reports as [
  AccuracyReport,
  AccuracyReport,
  AccuracyReport,
  AccuracyReport,
];
console.table(
  reports.map((r) => ({
    method: r.method,
    answered: `${r.answered}/${r.total}`,
    'MAE $': r.mae,
    MdAPE: r.medianApe,
    RMSLE: r.rmsle,
    'in range (50%)': r.rangeCoverage,
    'in 80% interval': r.interval80Coverage,
    'median 80% width $': r.medianInterval80Width,
    'score ≥ 0.8': r.dealScoreAtLeast08 ?? '',
  })),
);
const reduction = 1 - modelReport.rmsle / makeModelReport.rmsle;
console.log(
  `  RMSLE ${modelReport.rmsle} vs make+model median ${makeModelReport.rmsle}: ${(reduction * 100).toFixed(1)}% lower (target ≥ 25%)`,
);
console.log(`  80% interval coverage ${modelReport.interval80Coverage} (target 0.75–0.85)`);

mkdirSync(resultsDir, { recursive: true });
const plotPath = join(resultsDir, 'pricing-predicted-vs-actual.svg');
writeFileSync(
  plotPath,
  predictionsSvg(
    model.cases
      .filter((c) => c.predicted !== null)
      .map((c) => ({ actual: c.actual, predicted: c.predicted as number })),
    `Predicted vs actual, ${model.cases.length} later vehicle listings (RMSLE ${modelReport.rmsle})`,
  ),
);

console.log(
  `\npricing latency: analyze on ${storeSize.toLocaleString('en-US')} listings in memory (real ones replicated with jitter)`,
);
const loadBefore = loadavg()[0] ?? 0;
const latency = await measureLatency(listings, { target: storeSize, queries: 500, fullScanQueries: 20 });
const loadAfter = loadavg()[0] ?? 0;
console.table([
  {
    search: 'comparables index',
    'p50 ms': latency.p50Ms,
    'p99 ms': latency.p99Ms,
    'p50 CPU ms': latency.p50CpuMs,
  },
  { search: 'full scan', 'p50 ms': latency.fullScanP50Ms, 'p99 ms': latency.fullScanP99Ms, 'p50 CPU ms': '' },
]);
console.log(`  index is ${latency.speedupP50}× faster than a full scan at p50 (target p50 < 20 ms)`);
console.log(
  `  machine load average during the run: ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)} on ${navigator.hardwareConcurrency} cores`,
);

const results = {
  benchmark: 'pricing',
  ranAt: new Date().toISOString(),
  dataset: 'craigslist-vehicles-sample (8,000 real listings, 2021-04-04..05-04)',
  split: {
    train: split.train.length,
    test: split.test.length,
    cutoff: split.cutoff,
    droppedZero: split.droppedZero,
    droppedScamOrMistake: split.droppedScamOrMistake,
    droppedOverpriced: split.droppedOverpriced,
  },
  model: {
    version: model.model.version,
    features: model.model.features.length,
    lambda: model.model.lambda,
    methodsUsed: model.methods,
    validation: model.model.validation,
  },
  rmsle: modelReport.rmsle,
  baselineRmsle: makeModelReport.rmsle,
  globalMedianRmsle: globalReport.rmsle,
  comparablesRmsle: comparablesReport.rmsle,
  rmsleReductionVsBaseline: Math.round(reduction * 10_000) / 10_000,
  mae: modelReport.mae,
  medianApe: modelReport.medianApe,
  rangeCoverage: modelReport.rangeCoverage,
  interval80Coverage: modelReport.interval80Coverage,
  medianInterval80Width: modelReport.medianInterval80Width,
  medianInterval80RelativeWidth: modelReport.medianInterval80RelativeWidth,
  dealScoreAtLeast08: modelReport.dealScoreAtLeast08,
  dealScoreAtLeast05: modelReport.dealScoreAtLeast05,
  methods: reports,
  p50Ms: latency.p50Ms,
  p99Ms: latency.p99Ms,
  p50CpuMs: latency.p50CpuMs,
  p99CpuMs: latency.p99CpuMs,
  fullScanP50Ms: latency.fullScanP50Ms,
  fullScanP99Ms: latency.fullScanP99Ms,
  speedupVsFullScan: latency.speedupP50,
  latency,
  loadAverage: { before: loadBefore, after: loadAfter, cores: navigator.hardwareConcurrency },
  targets: {
    rmsleAtLeast25PercentBelowBaseline: reduction >= 0.25,
    interval80Calibrated: modelReport.interval80Coverage >= 0.75 && modelReport.interval80Coverage <= 0.85,
    p50Under20Ms: latency.p50Ms < 20,
  },
  plot: 'bench/results/pricing-predicted-vs-actual.svg',
};
writeFileSync(join(resultsDir, 'pricing.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote bench/results/pricing.json and ${plotPath.slice(plotPath.indexOf('bench/'))}`);
