import { runMarketplaceConformance } from '@deal-scout/testkit';
import { appId, appSecret, catalogId, facebookDraft } from '../test/fixtures';
import { createFacebookMarketplace } from './create-facebook-marketplace';
import type { FacebookSearchTransport } from './search/facebook-search-transport';

/** Marketplace listing JSON a host might hold, newest first. */
const fixture = Array.from({ length: 9 }, (_, index) => ({
  id: String(7_000_000 + index),
  marketplace_listing_title: `Walnut side table ${index}`,
  listing_price: { amount: `${60 + index}.00`, currency: 'USD' },
  primary_listing_photo: { image: { uri: `https://scontent.example.com/${index}.jpg` } },
  location: { reverse_geocode: { city_page: { display_name: 'Providence, RI' } } },
  creation_time: 1_772_000_000 - index * 3600,
  is_sold: false,
}));

const searchTransport: FacebookSearchTransport = {
  async search(request) {
    const offset = Number(request.cursor ?? 0);
    const next = offset + request.count;
    return { listings: fixture.slice(offset, next), nextCursor: next < fixture.length ? String(next) : null };
  },
  async getListing({ id }) {
    return fixture.find((listing) => listing.id === id) ?? null;
  },
};

runMarketplaceConformance({
  name: 'facebook partner with a host search transport',
  create: () => ({
    subject: createFacebookMarketplace({
      appId,
      appSecret,
      catalogId,
      productUrlTemplate: 'https://shop.example/items/{sku}',
      searchTransport,
    }),
  }),
  search: { limit: 4 },
  goodDraft: facebookDraft(),
});

runMarketplaceConformance({
  name: 'facebook login and webhooks only',
  create: () => ({ subject: createFacebookMarketplace({ appId, appSecret }) }),
});
