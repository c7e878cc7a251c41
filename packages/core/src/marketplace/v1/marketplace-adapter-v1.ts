import type { CategoryId } from '../../listing/categories';
import type { ListingInput } from '../../listing/listing';
import type { ListingDraft } from '../../listing/listing-draft';
import type { MarketplaceCapabilitiesV1, MarketplaceLimitsV1 } from './marketplace-capabilities-v1';
import type { MarketplaceOAuthV1 } from './marketplace-oauth-v1';
import type {
  DraftIssueV1,
  MarketplaceCategorySuggestionV1,
  MarketplaceImageUploadOptionsV1,
  MarketplacePublishOptionsV1,
  MarketplacePublishResultV1,
  MarketplaceUpdateOptionsV1,
  MarketplaceWithdrawOptionsV1,
} from './marketplace-publish-v1';
import type { MarketplaceSearchOptionsV1, MarketplaceSearchPageV1 } from './marketplace-search-v1';
import type { MarketplaceWebhooksV1 } from './marketplace-webhooks-v1';

/**
 * A marketplace adapter, version 1.
 *
 * Adapters implement the low-level `do*` methods; hosts never call them directly. The runtime
 * checks `specificationVersion` and `capabilities`, validates inputs and outputs with zod, applies
 * `limits` (rate, concurrency, daily budget), retries retryable failures honouring Retry-After, and
 * wraps anything that is not a `DealScoutError` in `AdapterError`. Adapters throw core errors only
 * (`MarketplaceRequestError`, `RateLimitedError`, `AuthenticationError`, `ListingParseError`).
 */
export type MarketplaceAdapterV1 = {
  /** Literal discriminant; the runtime refuses other versions. */
  readonly specificationVersion: 'v1';
  /** Lower-case id (`ebay`); prefixes listing ids and error messages. */
  readonly marketplaceId: string;
  /** Human name (`eBay`). */
  readonly displayName: string;
  readonly capabilities: MarketplaceCapabilitiesV1;
  readonly limits: MarketplaceLimitsV1;

  /** One page of listings for a query. Requires `capabilities.search`. */
  doSearch?(options: MarketplaceSearchOptionsV1): PromiseLike<MarketplaceSearchPageV1>;

  /** One listing by external id, or `null` when it no longer exists. Requires `getListing`. */
  doGetListing?(options: {
    readonly externalId: string;
    readonly signal?: AbortSignal;
  }): PromiseLike<ListingInput | null>;

  /**
   * Checks a draft against the marketplace's own rules (title length, photos, required fields)
   * without calling the network; returns every problem, empty when the draft can be posted.
   * Required when `publish` is supported, so cross-posting validates every target first.
   */
  validateDraft?(draft: ListingDraft): readonly DraftIssueV1[];

  /** Publishes a draft. Requires `publish`. */
  doPublish?(options: MarketplacePublishOptionsV1): PromiseLike<MarketplacePublishResultV1>;

  /** Updates a published listing. Requires `update`. */
  doUpdate?(options: MarketplaceUpdateOptionsV1): PromiseLike<void>;

  /** Ends a published listing. Requires `withdraw`. */
  doWithdraw?(options: MarketplaceWithdrawOptionsV1): PromiseLike<void>;

  /** Hosts an image; returns the marketplace's reference (URL or id). Requires `imageUpload`. */
  doUploadImage?(options: MarketplaceImageUploadOptionsV1): PromiseLike<{ readonly imageRef: string }>;

  /** Suggests marketplace categories for a title. Requires `categorySuggestion`. */
  doSuggestCategory?(options: {
    readonly title: string;
    readonly category?: CategoryId;
    readonly signal?: AbortSignal;
  }): PromiseLike<readonly MarketplaceCategorySuggestionV1[]>;

  /** Account connection. Present when `capabilities.oauth`. */
  readonly oauth?: MarketplaceOAuthV1;

  /** Webhook verification and parsing. Present when `capabilities.webhooks`. */
  readonly webhooks?: MarketplaceWebhooksV1;
};
