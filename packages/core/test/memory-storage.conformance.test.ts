import { buildListing, runStorageConformance } from '@deal-scout/testkit';
import { createMemoryStorage } from '../src';

runStorageConformance({
  name: 'memory',
  create: () => ({ subject: createMemoryStorage() }),
  // Memory storage keeps structured-clonable data only; a function inside a listing cannot be stored.
  unstorableListing: () => ({ ...buildListing(), attributes: { broken: (() => 'x') as unknown as string } }),
});
