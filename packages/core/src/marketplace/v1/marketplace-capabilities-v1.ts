/**
 * What a marketplace adapter performs itself. The runtime refuses a call the adapter does not
 * support with `UnsupportedCapabilityError`, so hosts can rely on these flags.
 */
export type MarketplaceCapabilitiesV1 = {
  /** `doSearch` queries the marketplace (officially) for listings. */
  readonly search: boolean;
  /** `doGetListing` fetches one listing by its external id. */
  readonly getListing: boolean;
  /** `doPublish` creates a listing for a connected seller account. */
  readonly publish: boolean;
  /** `doUpdate` changes a published listing. */
  readonly update: boolean;
  /** `doWithdraw` ends a published listing (used by auto-delist). */
  readonly withdraw: boolean;
  /** `doUploadImage` hosts an image on the marketplace. */
  readonly imageUpload: boolean;
  /** `doSuggestCategory` maps a title onto the marketplace's categories. */
  readonly categorySuggestion: boolean;
  /** `oauth` connects seller accounts. */
  readonly oauth: boolean;
  /** `webhooks` verifies and parses the marketplace's callbacks. */
  readonly webhooks: boolean;
  /** `doSearch` can return sold listings (true market prices) when asked. */
  readonly soldListings: boolean;
};

/** Limits the runtime enforces for this adapter (requests per second, concurrency, daily calls). */
export type MarketplaceLimitsV1 = {
  /** Sustained request rate, per second. */
  readonly requestsPerSecond: number;
  /** Requests in flight at once. */
  readonly concurrency: number;
  /** Calls allowed per UTC day (eBay's Browse API: 5,000 by default); `null` for no cap. */
  readonly dailyCallBudget: number | null;
};
