import type { ListingDraft } from '../../listing/listing-draft';

/** The decrypted credentials of a connected account, handed to an adapter for one call only. */
export type MarketplaceAccessV1 = {
  readonly accountId: string;
  readonly externalAccountId: string;
  readonly accessToken: string;
  /** Non-secret marketplace data stored with the account (page id, marketplace id). */
  readonly marketplaceData: Readonly<Record<string, string | number | boolean>>;
};

/** One reason a draft cannot be posted to a marketplace, addressed by draft field. */
export type DraftIssueV1 = { readonly field: string; readonly message: string };

/** Publish a draft as a new listing. */
export type MarketplacePublishOptionsV1 = {
  readonly draft: ListingDraft;
  readonly access: MarketplaceAccessV1;
  /** Marketplace category chosen by `doSuggestCategory` or the host. */
  readonly marketplaceCategoryId?: string;
  /** Image references returned by `doUploadImage`, in draft order; absent when not uploaded. */
  readonly uploadedImages?: readonly string[];
  /** Stable per (seller, draft sku, marketplace): repeating a publish with it never posts twice. */
  readonly idempotencyKey: string;
  readonly signal?: AbortSignal;
};

/** What a publish produced. */
export type MarketplacePublishResultV1 = {
  readonly externalId: string;
  readonly url?: string;
  /** `pending` when the marketplace processes the listing asynchronously (Facebook batches). */
  readonly status: 'published' | 'pending';
  readonly warnings?: readonly string[];
};

/** Change a published listing. */
export type MarketplaceUpdateOptionsV1 = {
  readonly externalId: string;
  readonly draft: ListingDraft;
  readonly access: MarketplaceAccessV1;
  readonly signal?: AbortSignal;
};

/** End a published listing. */
export type MarketplaceWithdrawOptionsV1 = {
  readonly externalId: string;
  readonly access: MarketplaceAccessV1;
  /** `sold_elsewhere` is the auto-delist after a sale on another marketplace. */
  readonly reason: 'sold_elsewhere' | 'seller_request';
  readonly signal?: AbortSignal;
};

/** Host an image on the marketplace. */
export type MarketplaceImageUploadOptionsV1 = {
  readonly image: { readonly url: string } | { readonly data: Uint8Array; readonly contentType: string };
  readonly access: MarketplaceAccessV1;
  readonly signal?: AbortSignal;
};

/** A suggested marketplace category for a title, with the attributes it requires. */
export type MarketplaceCategorySuggestionV1 = {
  readonly marketplaceCategoryId: string;
  readonly name: string;
  /** Attribute names (eBay item aspects) a listing in this category must have. */
  readonly requiredAttributes: readonly string[];
};
