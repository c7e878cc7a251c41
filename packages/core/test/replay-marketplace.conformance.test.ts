import {
  buildListing,
  describeWithSharedData,
  loadProvidenceListings,
  runMarketplaceConformance,
} from '@deal-scout/testkit';
import { createReplayMarketplace } from '../src';

const fixture = [
  ...Array.from({ length: 25 }, (_, index) =>
    buildListing({
      externalId: `r-${index}`,
      title: `Road bike ${index}`,
      category: 'bicycles',
      postedAt: `2026-01-0${1 + (index % 5)}T12:00:00Z`,
    }),
  ),
  buildListing({
    externalId: 'r-sold',
    title: 'Road bike sold',
    status: 'sold',
    soldPrice: { amount: 20_000, currency: 'USD' },
  }),
];

runMarketplaceConformance({
  name: 'replay (built fixture)',
  create: () => ({ subject: createReplayMarketplace({ marketplaceId: 'replay', listings: fixture }) }),
  search: { query: 'road bike', limit: 7 },
  maxPages: 10,
});

describeWithSharedData('replay marketplace on the real Providence listings', () => {
  // Read-only, so one instance serves every test (validating 3,140 listings takes a moment).
  let replay: ReturnType<typeof createReplayMarketplace> | undefined;
  runMarketplaceConformance({
    name: 'replay (craigslist providence)',
    create: async () => {
      replay ??= createReplayMarketplace({
        marketplaceId: 'craigslist',
        listings: await loadProvidenceListings(),
      });
      return { subject: replay };
    },
    search: { query: 'bike', limit: 20 },
  });
});
