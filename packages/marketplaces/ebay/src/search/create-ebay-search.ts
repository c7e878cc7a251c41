import {
  type ListingInput,
  ListingParseError,
  ListingSchema,
  type MarketplaceSearchOptionsV1,
  type MarketplaceSearchPageV1,
  toValidationIssues,
  UnsupportedCapabilityError,
} from '@deal-scout/core';
import type { EbayHttpClient } from '../http/create-ebay-http-client';
import { ebayErrorIds, mapEbayError } from '../http/map-ebay-error';
import { sendWithApplicationToken } from '../http/send-with-application-token';
import type { ApplicationTokenProvider } from '../oauth/create-application-token-provider';
import { ebayMarketplaces } from '../settings/ebay-marketplace-ids';
import type { ResolvedEbaySettings } from '../settings/ebay-marketplace-settings';
import {
  browseResultWindow,
  buildBrowseSearchParams,
  encodeBrowseCursor,
} from './build-browse-search-params';
import { convertEbayItemToListing } from './convert-ebay-item-to-listing';
import { EbayItemSchema, EbayItemSummarySchema, EbaySearchPageSchema } from './ebay-browse-schemas';

/** Browse getItem errorIds meaning there is no listing to return: 11001 not found, 11004 no longer available. */
const unknownItemErrorIds = new Set([11001, 11004]);

/** Search and get-item on the Browse API, with the shared application token. */
export function createEbaySearch(options: {
  readonly http: EbayHttpClient;
  readonly tokens: ApplicationTokenProvider;
  readonly settings: ResolvedEbaySettings;
  readonly apiHost: string;
}) {
  const { http, tokens, settings, apiHost } = options;
  const base = `${apiHost}/buy/browse/v1`;
  const headers = { 'X-EBAY-C-MARKETPLACE-ID': settings.marketplaceId };

  return {
    async doSearch(search: MarketplaceSearchOptionsV1): Promise<MarketplaceSearchPageV1> {
      if (search.sold) {
        throw new UnsupportedCapabilityError({
          capability: 'soldListings',
          source: 'ebay',
          message:
            "sold listings need eBay's Marketplace Insights API, which is limited to approved partners",
        });
      }
      const request = buildBrowseSearchParams(search, {
        country: ebayMarketplaces[settings.marketplaceId].country,
      });
      if (!request) return { listings: [], nextCursor: null, total: 0 };
      const response = await sendWithApplicationToken(http, tokens, {
        method: 'GET',
        url: `${base}/item_summary/search`,
        operation: 'search',
        searchParams: request.params,
        headers,
        signal: search.signal,
      });
      const page = EbaySearchPageSchema.safeParse(response.data ?? {});
      if (!page.success) {
        throw new ListingParseError({
          message: 'search returned a page that is not a SearchPagedCollection',
          source: 'ebay',
          issues: toValidationIssues(page.error),
        });
      }
      const listings: ListingInput[] = [];
      for (const raw of page.data.itemSummaries ?? []) {
        const summary = EbayItemSummarySchema.safeParse(raw);
        // One malformed, price-less (multi-variation items can lack a price) or otherwise invalid summary must not
        // sink the page: it is left out and the rest are returned.
        const listing = summary.success ? convertEbayItemToListing(summary.data) : null;
        if (listing && ListingSchema.safeParse(listing).success) listings.push(listing);
      }
      const served = page.data.itemSummaries?.length ?? 0;
      const nextOffset = request.offset + Number(request.params.limit);
      const total = page.data.total;
      const hasMore =
        served > 0 &&
        page.data.next !== undefined &&
        nextOffset < browseResultWindow &&
        (total === undefined || nextOffset < total);
      return {
        listings,
        nextCursor: hasMore ? encodeBrowseCursor(nextOffset) : null,
        ...(total === undefined ? {} : { total }),
      };
    },

    async doGetListing({ externalId, signal }: { externalId: string; signal?: AbortSignal }) {
      const response = await sendWithApplicationToken(http, tokens, {
        method: 'GET',
        url: `${base}/item/${encodeURIComponent(externalId)}`,
        operation: 'getItem',
        headers,
        signal,
        acceptStatuses: [400, 404],
      });
      if (response.status === 404) return null;
      if (response.status === 400) {
        if (ebayErrorIds(response.data).some((id) => unknownItemErrorIds.has(id))) return null;
        throw mapEbayError({ status: 400, body: response.data, retryAfter: null, operation: 'getItem' });
      }
      const item = EbayItemSchema.safeParse(response.data);
      if (!item.success) {
        throw new ListingParseError({
          message: `getItem returned an item the adapter cannot read (${externalId})`,
          source: 'ebay',
          issues: toValidationIssues(item.error),
        });
      }
      const listing = convertEbayItemToListing(item.data);
      if (!listing) {
        throw new ListingParseError({
          message: `item ${externalId} has no title, price or creation date`,
          source: 'ebay',
        });
      }
      const valid = ListingSchema.safeParse(listing);
      if (!valid.success) {
        throw new ListingParseError({
          message: `item ${externalId} does not normalise into a valid listing`,
          source: 'ebay',
          issues: toValidationIssues(valid.error),
        });
      }
      return listing;
    },
  };
}
