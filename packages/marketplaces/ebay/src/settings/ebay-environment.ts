/** Which eBay environment the adapter talks to. */
export type EbayEnvironment = 'production' | 'sandbox';

/** The hosts of one eBay environment. */
export type EbayEndpoints = {
  /** REST APIs: Browse, Inventory, Account, Taxonomy, Notification, and the OAuth token endpoint. */
  readonly api: string;
  /** The consent page users are sent to. */
  readonly auth: string;
  /** The Media API host (image upload). */
  readonly media: string;
  /** The Identity API host (who a user token belongs to). */
  readonly identity: string;
  /** Where buyers see a listing (`<web>/itm/<listingId>`). */
  readonly web: string;
};

/**
 * Hosts by environment, from eBay's documentation (OAuth: developer.ebay.com
 * oauth-auth-code-grant-request; Media: createImageFromUrl; Identity: getUser). The sandbox mirrors
 * production with `sandbox.` in the host.
 */
export const ebayEndpoints: Readonly<Record<EbayEnvironment, EbayEndpoints>> = {
  production: {
    api: 'https://api.ebay.com',
    auth: 'https://auth.ebay.com',
    media: 'https://apim.ebay.com',
    identity: 'https://apiz.ebay.com',
    web: 'https://www.ebay.com',
  },
  sandbox: {
    api: 'https://api.sandbox.ebay.com',
    auth: 'https://auth.sandbox.ebay.com',
    media: 'https://apim.sandbox.ebay.com',
    identity: 'https://apiz.sandbox.ebay.com',
    web: 'https://sandbox.ebay.com',
  },
};
