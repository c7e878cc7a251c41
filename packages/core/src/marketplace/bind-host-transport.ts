import { ListingParseError } from '../errors/listing-parse-error';
import type { ListingInput } from '../listing/listing';
import type { ListingDraft } from '../listing/listing-draft';
import type { MarketplaceAdapterV1 } from './v1/marketplace-adapter-v1';
import type { MarketplaceCapabilitiesV1 } from './v1/marketplace-capabilities-v1';
import type { MarketplaceSearchOptionsV1, MarketplaceSearchPageV1 } from './v1/marketplace-search-v1';

/** What a host's search answers: raw marketplace listing JSON, which the adapter normalises. */
export type HostSearchResponse = {
  readonly listings: readonly unknown[];
  readonly nextCursor: string | null;
};

/**
 * What a host implements to let an adapter search and post on a marketplace that has no public
 * API the SDK could call itself (OfferUp, Poshmark). Requests are in the marketplace's own terms:
 * `TSearchRequest` for a search, `TListingRequest` for a listing to post. Each method is optional;
 * the adapter's capabilities are true exactly for the methods supplied.
 */
export type HostListingTransport<TSearchRequest, TListingRequest> = {
  search?(request: TSearchRequest): Promise<HostSearchResponse>;
  /** One listing's JSON by id, `null` when gone. */
  getListing?(request: {
    readonly listingId: string;
    readonly signal?: AbortSignal;
  }): Promise<unknown | null>;
  /** Posts a listing; must not post twice for one `listing.idempotencyKey`. */
  publish?(request: {
    readonly listing: TListingRequest;
    readonly accountId: string;
    readonly signal?: AbortSignal;
  }): Promise<{ readonly listingId: string; readonly url?: string }>;
  update?(request: {
    readonly listingId: string;
    readonly listing: TListingRequest;
    readonly accountId: string;
    readonly signal?: AbortSignal;
  }): Promise<void>;
  withdraw?(request: {
    readonly listingId: string;
    readonly accountId: string;
    readonly reason: 'sold_elsewhere' | 'seller_request';
    readonly signal?: AbortSignal;
  }): Promise<void>;
};

/** How {@link bindHostTransport} turns runtime calls into a marketplace's own requests and back. */
export type HostTransportBindingOptions<TSearchRequest, TListingRequest> = {
  /** Lower-case marketplace id (`offerup`): the `source` of the errors thrown. */
  readonly marketplaceId: string;
  /** Human name (`OfferUp`), used in error messages. */
  readonly displayName: string;
  /** The runtime's search options in the marketplace's terms. */
  readonly toSearchRequest: (options: MarketplaceSearchOptionsV1) => TSearchRequest;
  /** Normalises one listing's JSON; throws `ListingParseError` naming each bad field. */
  readonly normaliseListing: (json: unknown) => ListingInput;
  /**
   * A draft in the marketplace's terms. `idempotencyKey` is the publish's key, or
   * `update:<externalId>` for an update; `marketplaceCategory` is the category chosen for a publish.
   */
  readonly toListingRequest: (
    draft: ListingDraft,
    options: { readonly idempotencyKey: string; readonly marketplaceCategory?: string },
  ) => TListingRequest;
  /** The public URL of a posted listing, for a transport that does not return one. */
  readonly listingUrl: (listingId: string) => string;
};

/** The transport-backed capabilities: each is true exactly when the transport has the method. */
export type HostTransportCapabilities = Pick<
  MarketplaceCapabilitiesV1,
  'search' | 'getListing' | 'publish' | 'update' | 'withdraw'
>;

/** The adapter members a host transport provides; a member is present only when its capability is. */
export type HostTransportMethods = Pick<
  MarketplaceAdapterV1,
  'doSearch' | 'doGetListing' | 'doPublish' | 'doUpdate' | 'doWithdraw'
>;

/**
 * Normalises every listing JSON of a search page. A malformed one throws `ListingParseError` whose
 * message names the result (`OfferUp search result 3 is malformed`) and whose issue fields are
 * prefixed with `listings[3].`; any other error passes through unchanged.
 */
export function normaliseSearchResults(
  listings: readonly unknown[],
  normaliseListing: (json: unknown) => ListingInput,
  names: { readonly marketplaceId: string; readonly displayName: string },
): ListingInput[] {
  return listings.map((json, index) => {
    try {
      return normaliseListing(json);
    } catch (error) {
      if (!(error instanceof ListingParseError)) throw error;
      throw new ListingParseError({
        message: `${names.displayName} search result ${index} is malformed`,
        source: names.marketplaceId,
        issues: error.issues.map((issue) => ({ ...issue, field: `listings[${index}].${issue.field}` })),
      });
    }
  });
}

/**
 * Turns a host-provided {@link HostListingTransport} into an adapter's `doSearch`, `doGetListing`,
 * `doPublish`, `doUpdate` and `doWithdraw`, and the matching capabilities. Each member exists
 * exactly when the transport supplies the method (none without a transport). Searches and reads
 * are normalised with `normaliseListing` (see {@link normaliseSearchResults}); drafts are converted
 * with `toListingRequest`; the acting account and abort signal are passed through.
 *
 * @example
 * const bound = bindHostTransport(settings.transport, {
 *   marketplaceId: 'offerup',
 *   displayName: 'OfferUp',
 *   toSearchRequest: toOfferUpSearchRequest,
 *   normaliseListing: (json) => convertOfferUpListing(json, { observedAt: now().toISOString() }),
 *   toListingRequest: convertDraftToOfferUpListing,
 *   listingUrl: (id) => `https://offerup.com/item/detail/${encodeURIComponent(id)}`,
 * });
 * const adapter = { ...rest, capabilities: { ...bound.capabilities, ...others }, ...bound.methods };
 */
export function bindHostTransport<TSearchRequest, TListingRequest>(
  transport: HostListingTransport<TSearchRequest, TListingRequest> | undefined,
  options: HostTransportBindingOptions<TSearchRequest, TListingRequest>,
): { readonly capabilities: HostTransportCapabilities; readonly methods: HostTransportMethods } {
  const { search, getListing, publish, update, withdraw } = transport ?? {};
  const { normaliseListing, toListingRequest } = options;
  const withSignal = (signal: AbortSignal | undefined) => (signal ? { signal } : {});
  const methods: {
    -readonly [K in keyof HostTransportMethods]: HostTransportMethods[K];
  } = {};
  if (search) {
    methods.doSearch = async (searchOptions): Promise<MarketplaceSearchPageV1> => {
      const response = await search.call(transport, options.toSearchRequest(searchOptions));
      return {
        listings: normaliseSearchResults(response.listings, normaliseListing, options),
        nextCursor: response.nextCursor,
      };
    };
  }
  if (getListing) {
    methods.doGetListing = async ({ externalId, signal }) => {
      const json = await getListing.call(transport, { listingId: externalId, ...withSignal(signal) });
      return json === null ? null : normaliseListing(json);
    };
  }
  if (publish) {
    methods.doPublish = async ({ draft, access, idempotencyKey, marketplaceCategoryId, signal }) => {
      const listing = toListingRequest(draft, {
        idempotencyKey,
        ...(marketplaceCategoryId ? { marketplaceCategory: marketplaceCategoryId } : {}),
      });
      const result = await publish.call(transport, {
        listing,
        accountId: access.accountId,
        ...withSignal(signal),
      });
      return {
        externalId: result.listingId,
        url: result.url ?? options.listingUrl(result.listingId),
        status: 'published',
      };
    };
  }
  if (update) {
    methods.doUpdate = async ({ externalId, draft, access, signal }) => {
      const listing = toListingRequest(draft, { idempotencyKey: `update:${externalId}` });
      await update.call(transport, {
        listingId: externalId,
        listing,
        accountId: access.accountId,
        ...withSignal(signal),
      });
    };
  }
  if (withdraw) {
    methods.doWithdraw = async ({ externalId, access, reason, signal }) => {
      await withdraw.call(transport, {
        listingId: externalId,
        accountId: access.accountId,
        reason,
        ...withSignal(signal),
      });
    };
  }
  return {
    capabilities: {
      search: search !== undefined,
      getListing: getListing !== undefined,
      publish: publish !== undefined,
      update: update !== undefined,
      withdraw: withdraw !== undefined,
    },
    methods,
  };
}
