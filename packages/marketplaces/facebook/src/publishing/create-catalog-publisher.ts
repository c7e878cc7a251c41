import {
  type ListingDraft,
  type MarketplaceAccessV1,
  type MarketplacePublishResultV1,
  MarketplaceRequestError,
  UnsupportedCapabilityError,
} from '@deal-scout/core';
import type { ResolvedFacebookSettings } from '../facebook-settings';
import type { GraphClient } from '../graph/create-graph-client';
import { convertDraftToCatalogItem } from './convert-draft-to-catalog-item';

/** One request of an `items_batch` call. */
type BatchRequest = { readonly method: 'CREATE' | 'UPDATE' | 'DELETE'; readonly data: object };

/** The status of a catalogue batch, from `check_batch_request_status`. */
export type FacebookBatchStatus = {
  readonly handle: string;
  /** Meta's status text: `finished`, `in_progress`, `error`, … */
  readonly status: string;
  readonly finished: boolean;
  /** Per-item errors Meta reported (messages only). */
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
};

/** Seller details for `marketplace_partner_sellers_details`. */
export type FacebookPartnerSeller = {
  readonly sellerId: string;
  readonly sellerName: string;
  readonly reviewCount?: number;
  /** Share of positive ratings, 0–100. */
  readonly positiveRatingsPercent?: number;
  /** When the seller joined the partner's platform (ISO-8601 date). */
  readonly memberSince?: string;
};

type StatusBody = {
  data?: Array<{
    handle?: string;
    status?: string;
    errors?: Array<{ message?: string }>;
    warnings?: Array<{ message?: string }>;
  }>;
};

/**
 * Marketplace Partnership publishing through the catalogue batch API
 * (`POST /{catalog_id}/items_batch`, `GET /{catalog_id}/check_batch_request_status`) and seller
 * details (`POST /{catalog_id}/marketplace_partner_sellers_details`). Meta processes batches
 * asynchronously, so a publish checks the batch status a few times and answers `pending` when it
 * is still running.
 */
export function createCatalogPublisher(options: {
  readonly settings: ResolvedFacebookSettings;
  readonly graph: GraphClient;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}) {
  const { settings, graph, sleep } = options;

  const catalogId = (): string => {
    if (!settings.catalogId) {
      throw new UnsupportedCapabilityError({
        capability: 'publish',
        source: 'facebook',
        message: 'publishing needs the Marketplace Partnership catalogue id (catalogId)',
      });
    }
    return settings.catalogId;
  };

  async function sendBatch(
    requests: readonly BatchRequest[],
    access: MarketplaceAccessV1,
    signal?: AbortSignal,
  ): Promise<string> {
    const body = await graph.post<{ handles?: string[] }>({
      path: `${catalogId()}/items_batch`,
      accessToken: access.accessToken,
      form: { item_type: 'PRODUCT_ITEM', requests: JSON.stringify(requests) },
      ...(signal ? { signal } : {}),
    });
    const handle = body.handles?.[0];
    if (!handle) {
      throw new MarketplaceRequestError({
        message: 'Facebook items_batch answered without a batch handle',
        source: 'facebook',
        status: 200,
      });
    }
    return handle;
  }

  async function checkBatchStatus(input: {
    readonly handle: string;
    readonly access: MarketplaceAccessV1;
    readonly signal?: AbortSignal;
  }): Promise<FacebookBatchStatus> {
    const body = await graph.get<StatusBody>({
      path: `${catalogId()}/check_batch_request_status`,
      accessToken: input.access.accessToken,
      searchParams: { handle: input.handle },
      ...(input.signal ? { signal: input.signal } : {}),
    });
    const entry = body.data?.[0];
    const status = entry?.status ?? 'unknown';
    return {
      handle: input.handle,
      status,
      finished: status === 'finished' || status === 'error',
      errors: (entry?.errors ?? []).map((error) => error.message ?? 'unknown item error'),
      warnings: (entry?.warnings ?? []).map((warning) => warning.message ?? 'unknown item warning'),
    };
  }

  /** Sends one batch and follows its status; throws when Meta rejected the item. */
  async function sendAndFollow(
    request: BatchRequest,
    access: MarketplaceAccessV1,
    signal?: AbortSignal,
  ): Promise<{ handle: string; status: FacebookBatchStatus | null }> {
    const handle = await sendBatch([request], access, signal);
    let status: FacebookBatchStatus | null = null;
    for (let check = 0; check < settings.batchStatusChecks; check++) {
      if (check > 0) await sleep(settings.batchStatusIntervalMs, signal);
      status = await checkBatchStatus({ handle, access, ...(signal ? { signal } : {}) });
      if (status.finished) break;
    }
    if (status && (status.status === 'error' || status.errors.length > 0)) {
      throw new MarketplaceRequestError({
        message: `Facebook rejected the ${request.method.toLowerCase()} of the item: ${status.errors.join('; ') || status.status}`,
        source: 'facebook',
        status: 200,
        isRetryable: false,
      });
    }
    return { handle, status };
  }

  return {
    checkBatchStatus,
    async publish(input: {
      readonly draft: ListingDraft;
      readonly access: MarketplaceAccessV1;
      readonly signal?: AbortSignal;
    }): Promise<MarketplacePublishResultV1> {
      const data = convertDraftToCatalogItem(input.draft, input.access, settings);
      const { handle, status } = await sendAndFollow({ method: 'CREATE', data }, input.access, input.signal);
      return {
        externalId: input.draft.sku,
        url: String(data.link),
        status: status?.finished ? 'published' : 'pending',
        warnings: [`batch handle ${handle}`, ...(status?.warnings ?? [])],
      };
    },
    async update(input: {
      readonly externalId: string;
      readonly draft: ListingDraft;
      readonly access: MarketplaceAccessV1;
      readonly signal?: AbortSignal;
    }): Promise<void> {
      const data = {
        ...convertDraftToCatalogItem(input.draft, input.access, settings),
        id: input.externalId,
      };
      await sendAndFollow({ method: 'UPDATE', data }, input.access, input.signal);
    },
    async withdraw(input: {
      readonly externalId: string;
      readonly access: MarketplaceAccessV1;
      readonly signal?: AbortSignal;
    }): Promise<void> {
      await sendAndFollow({ method: 'DELETE', data: { id: input.externalId } }, input.access, input.signal);
    },
    /** Sends seller details (≤5,000 per call; Meta allows about 200 calls an hour). */
    async upsertSellerDetails(input: {
      readonly sellers: readonly FacebookPartnerSeller[];
      readonly access: MarketplaceAccessV1;
      readonly signal?: AbortSignal;
    }): Promise<void> {
      const requests = input.sellers.map((seller) => ({
        seller_id: seller.sellerId,
        seller_name: seller.sellerName,
        ...(seller.reviewCount !== undefined ? { seller_review_count: seller.reviewCount } : {}),
        ...(seller.positiveRatingsPercent !== undefined
          ? { seller_positive_ratings_pct: seller.positiveRatingsPercent }
          : {}),
        ...(seller.memberSince ? { seller_member_since: seller.memberSince } : {}),
      }));
      await graph.post<unknown>({
        path: `${catalogId()}/marketplace_partner_sellers_details`,
        accessToken: input.access.accessToken,
        form: { requests: JSON.stringify(requests) },
        ...(input.signal ? { signal: input.signal } : {}),
      });
    },
  };
}

export type CatalogPublisher = ReturnType<typeof createCatalogPublisher>;
