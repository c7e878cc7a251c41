import { loadVehicleListings } from '@deal-scout/testkit';
import { accuracyOf } from './accuracy-metrics';
import { comparablesCases, globalMedianCases, makeModelMedianCases, modelCases } from './evaluate-methods';
import { splitVehicles } from './vehicle-split';

const listings = await loadVehicleListings();
const split = splitVehicles(listings);
console.log(
  split.train.length,
  split.test.length,
  split.cutoff,
  split.droppedZero,
  split.droppedScamOrMistake,
  split.droppedOverpriced,
);
let t = performance.now();
const m = modelCases(split.train, split.test);
console.log(
  'model ms',
  performance.now() - t,
  m.methods,
  m.model.lambda,
  m.model.validation,
  m.model.features.length,
);
t = performance.now();
const rows = [
  accuracyOf('global', globalMedianCases(split.train, split.test)),
  accuracyOf('make-model', makeModelMedianCases(split.train, split.test)),
  accuracyOf('comparables', comparablesCases(split.train, split.test)),
  accuracyOf('model', m.cases),
];
console.log('comps ms', performance.now() - t);
console.table(rows);
