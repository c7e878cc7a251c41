/**
 * The eBay marketplaces (sites) the adapter supports, with what each implies: the listing currency,
 * the country used for local-pickup search, the `Content-Language` the Inventory API requires and
 * the buyer-facing web host.
 */
export const ebayMarketplaces = {
  EBAY_US: { currency: 'USD', country: 'US', contentLanguage: 'en-US', webHost: 'https://www.ebay.com' },
  EBAY_CA: { currency: 'CAD', country: 'CA', contentLanguage: 'en-CA', webHost: 'https://www.ebay.ca' },
  EBAY_GB: { currency: 'GBP', country: 'GB', contentLanguage: 'en-GB', webHost: 'https://www.ebay.co.uk' },
  EBAY_AU: { currency: 'AUD', country: 'AU', contentLanguage: 'en-AU', webHost: 'https://www.ebay.com.au' },
  EBAY_DE: { currency: 'EUR', country: 'DE', contentLanguage: 'de-DE', webHost: 'https://www.ebay.de' },
} as const;

/** An eBay marketplace id (`EBAY_US`). */
export type EbayMarketplaceId = keyof typeof ebayMarketplaces;

/** Every supported eBay marketplace id. */
export const ebayMarketplaceIds = Object.keys(ebayMarketplaces) as [
  EbayMarketplaceId,
  ...EbayMarketplaceId[],
];
