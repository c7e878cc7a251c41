import { runMarketplaceConformance } from '@deal-scout/testkit';
import { poshmarkDraft, poshmarkJson } from '../test/fixtures';
import { createPoshmarkMarketplace } from './create-poshmark-marketplace';
import type { PoshmarkTransport } from './transport/poshmark-transport';

/** Ten Poshmark listings, every third sold out. */
const fixture = Array.from({ length: 10 }, (_, index) => ({
  ...poshmarkJson,
  id: `5c4f1b2a9fe4862bd5b1c${String(index).padStart(3, '0')}`,
  title: `Madewell jeans ${index}`,
  inventory: { status: index % 3 === 0 ? 'sold_out' : 'available' },
  created_at: new Date(Date.UTC(2026, 1, 20 - index)).toISOString(),
}));

const transport: PoshmarkTransport = {
  async search(request) {
    const matching = fixture.filter((listing) =>
      request.inventoryStatus === 'sold_out'
        ? listing.inventory.status === 'sold_out'
        : listing.inventory.status !== 'sold_out',
    );
    const offset = Number(request.cursor ?? 0);
    const next = offset + request.count;
    return {
      listings: matching.slice(offset, next),
      nextCursor: next < matching.length ? String(next) : null,
    };
  },
  async getListing({ listingId }) {
    return fixture.find((listing) => listing.id === listingId) ?? null;
  },
  async publish({ listing }) {
    return { listingId: `new${listing.sku.replaceAll('-', '')}` };
  },
  async withdraw() {},
  async share() {},
};

runMarketplaceConformance({
  name: 'poshmark with a host transport',
  create: () => ({ subject: createPoshmarkMarketplace({ transport }) }),
  search: { limit: 3 },
  goodDraft: poshmarkDraft({ size: 'M' }),
});

runMarketplaceConformance({
  name: 'poshmark without a transport',
  create: () => ({ subject: createPoshmarkMarketplace() }),
  goodDraft: poshmarkDraft({ size: 'M' }),
});
