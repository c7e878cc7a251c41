import {
  classifyPriceAnomaly,
  type Listing,
  listingPriceFacts,
  normalLogPriceDistribution,
  robustSigma,
} from '@deal-scout/core';
import { median } from 'simple-statistics';

/** The time-ordered split of the vehicle listings and what was dropped from the test set. */
export type VehicleSplit = {
  readonly train: Listing[];
  readonly test: Listing[];
  readonly cutoff: string;
  readonly droppedZero: number;
  readonly droppedScamOrMistake: number;
  readonly droppedOverpriced: number;
};

/**
 * Splits listings by `postedAt`: the earliest `trainFraction` train, the rest test. The test set
 * loses $0 prices and the prices the anomaly rules flag against the training market (robust
 * z-score of the log price beyond ±3 against all training prices): the "call for price" $1
 * and $123,456,789 placeholders no estimator should be judged on.
 */
export function splitVehicles(listings: readonly Listing[], trainFraction = 0.8): VehicleSplit {
  const sorted = [...listings].sort(
    (a, b) => a.postedAt.localeCompare(b.postedAt) || a.id.localeCompare(b.id),
  );
  const cut = Math.floor(sorted.length * trainFraction);
  const train = sorted.slice(0, cut);
  const trainLogs = train
    .map((l) => listingPriceFacts(l).amount)
    .filter((a) => a > 0)
    .map((a) => Math.log(a));
  const market = normalLogPriceDistribution(median(trainLogs), robustSigma(trainLogs));
  let droppedZero = 0;
  let droppedScamOrMistake = 0;
  let droppedOverpriced = 0;
  const test: Listing[] = [];
  for (const listing of sorted.slice(cut)) {
    const amount = listingPriceFacts(listing).amount;
    if (amount <= 0) {
      droppedZero++;
      continue;
    }
    const anomaly = classifyPriceAnomaly(amount, market);
    if (anomaly === 'possible_scam_or_mistake') droppedScamOrMistake++;
    else if (anomaly === 'overpriced') droppedOverpriced++;
    else test.push(listing);
  }
  return {
    train,
    test,
    cutoff: sorted[cut]?.postedAt ?? '',
    droppedZero,
    droppedScamOrMistake,
    droppedOverpriced,
  };
}
