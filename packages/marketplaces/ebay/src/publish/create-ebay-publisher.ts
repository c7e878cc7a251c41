import {
  type DraftIssueV1,
  type ListingDraft,
  type MarketplacePublishOptionsV1,
  type MarketplacePublishResultV1,
  MarketplaceRequestError,
  type MarketplaceUpdateOptionsV1,
  type MarketplaceWithdrawOptionsV1,
  ValidationError,
} from '@deal-scout/core';
import { z } from 'zod';
import type { EbayHttpClient } from '../http/create-ebay-http-client';
import { ebayMarketplaces } from '../settings/ebay-marketplace-ids';
import type { ResolvedEbaySettings } from '../settings/ebay-marketplace-settings';
import type { EbayTaxonomy } from '../taxonomy/create-ebay-taxonomy';
import {
  aspectsOf,
  buildCreateOffer,
  buildInventoryItem,
  buildOfferDetails,
  type OfferContext,
} from './build-inventory-payloads';
import type { ConditionPolicies } from './create-condition-policies';
import { ensureInventoryLocation, locationAddressFor } from './ensure-inventory-location';
import { readEbayDraftOptions, validateEbayDraft } from './validate-ebay-draft';

const OffersSchema = z.object({
  offers: z
    .array(
      z.object({
        offerId: z.string(),
        status: z.string().optional(),
        listing: z.object({ listingId: z.string().optional() }).optional(),
      }),
    )
    .optional(),
});
const OfferSchema = z.object({
  offerId: z.string(),
  sku: z.string(),
  marketplaceId: z.string(),
  categoryId: z.string().optional(),
  merchantLocationKey: z.string().optional(),
  listingPolicies: z
    .object({
      fulfillmentPolicyId: z.string().optional(),
      paymentPolicyId: z.string().optional(),
      returnPolicyId: z.string().optional(),
    })
    .optional(),
});
const OfferIdSchema = z.object({ offerId: z.string().min(1) });
const PublishSchema = z.object({
  listingId: z.string().min(1),
  warnings: z.array(z.object({ message: z.string().optional() })).optional(),
});

/**
 * Publishing on the Inventory API with the seller's token: inventory location → inventory item
 * (`Content-Language`) → offer with business policies → publish. Every prerequisite is checked
 * before the first Inventory call and reported in one `ValidationError`. The publish result's
 * `externalId` is the eBay offer id, which `doUpdate` and `doWithdraw` take.
 */
export function createEbayPublisher(options: {
  readonly http: EbayHttpClient;
  readonly settings: ResolvedEbaySettings;
  readonly apiHost: string;
  readonly taxonomy: EbayTaxonomy;
  readonly conditions: ConditionPolicies;
}) {
  const { http, settings, taxonomy, conditions } = options;
  const base = `${options.apiHost}/sell/inventory/v1`;
  const marketplace = ebayMarketplaces[settings.marketplaceId];
  const languageHeaders = {
    'Content-Language': marketplace.contentLanguage,
    'Content-Type': 'application/json',
  };
  const bearer = (token: string) => `Bearer ${token}`;
  const fail = (issues: DraftIssueV1[]) =>
    new ValidationError({ issues, subject: 'eBay listing', source: 'ebay' });
  const parse = <S extends z.ZodType>(schema: S, data: unknown, operation: string): z.output<S> => {
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      throw new MarketplaceRequestError({
        message: `${operation} returned an unexpected body`,
        source: 'ebay',
      });
    }
    return parsed.data;
  };

  /** All prerequisites, found before anything is written; throws one ValidationError naming them. */
  const preflight = async (
    publish: MarketplacePublishOptionsV1,
  ): Promise<OfferContext & { readonly conditionEnum: string }> => {
    const { draft } = publish;
    const issues = validateEbayDraft(draft, settings);
    const { options: ebay } = readEbayDraftOptions(draft);
    const categoryId = publish.marketplaceCategoryId ?? ebay.categoryId;
    let conditionEnum: string | null = ebay.conditionEnum ?? null;
    if (!categoryId) {
      issues.push({
        field: 'marketplaceCategoryId',
        message:
          'an eBay leaf category is required: pick one with doSuggestCategory or set marketplaceOptions.ebay.categoryId',
      });
    } else {
      const present = new Set(Object.keys(aspectsOf(draft, ebay)).map((name) => name.toLowerCase()));
      for (const name of await taxonomy.requiredAspects(categoryId, publish.signal)) {
        if (!present.has(name.toLowerCase())) {
          issues.push({
            field: `attributes.${name}`,
            message: `eBay category ${categoryId} requires the item specific '${name}' (an attribute or marketplaceOptions.ebay.aspects)`,
          });
        }
      }
      if (!ebay.conditionEnum) {
        conditionEnum = await conditions.conditionEnumFor(draft.condition, categoryId, publish.signal);
        if (!conditionEnum) {
          issues.push({
            field: 'condition',
            message: `eBay category ${categoryId} accepts no condition meaning '${draft.condition}' (set marketplaceOptions.ebay.conditionEnum)`,
          });
        }
      }
    }
    if (issues.length) throw fail(issues);
    const policies = settings.businessPolicies;
    return {
      conditionEnum: conditionEnum as string,
      sku: draft.sku,
      marketplaceId: settings.marketplaceId,
      categoryId: categoryId as string,
      merchantLocationKey: (ebay.merchantLocationKey ?? settings.merchantLocationKey) as string,
      fulfillmentPolicyId: (ebay.fulfillmentPolicyId ?? policies.fulfillmentPolicyId) as string,
      paymentPolicyId: (ebay.paymentPolicyId ?? policies.paymentPolicyId) as string,
      returnPolicyId: (ebay.returnPolicyId ?? policies.returnPolicyId) as string,
    };
  };

  const putInventoryItem = (
    draft: ListingDraft,
    images: readonly string[],
    conditionEnum: string | undefined,
    token: string,
    signal?: AbortSignal,
  ) =>
    http.send({
      method: 'PUT',
      url: `${base}/inventory_item/${encodeURIComponent(draft.sku)}`,
      operation: 'createOrReplaceInventoryItem',
      authorization: bearer(token),
      headers: languageHeaders,
      json: buildInventoryItem(
        draft,
        { ...readEbayDraftOptions(draft).options, ...(conditionEnum ? { conditionEnum } : {}) },
        images,
      ),
      signal,
    });

  const listingUrl = (listingId: string) =>
    `${settings.environment === 'sandbox' ? 'https://sandbox.ebay.com' : marketplace.webHost}/itm/${listingId}`;

  return {
    validateDraft: (draft: ListingDraft) => validateEbayDraft(draft, settings),

    async doPublish(publish: MarketplacePublishOptionsV1): Promise<MarketplacePublishResultV1> {
      const { conditionEnum, ...context } = await preflight(publish);
      const { draft, access, signal } = publish;
      const token = access.accessToken;
      await ensureInventoryLocation({
        http,
        inventoryBase: base,
        authorization: bearer(token),
        merchantLocationKey: context.merchantLocationKey,
        address: locationAddressFor(draft, settings.inventoryLocation),
        signal,
      });
      await putInventoryItem(draft, publish.uploadedImages ?? draft.images, conditionEnum, token, signal);

      // The same SKU on the same marketplace has at most one offer: reuse it, so repeating a
      // publish (same idempotency key = same SKU) never creates a second listing.
      const existing = await http.send({
        method: 'GET',
        url: `${base}/offer`,
        operation: 'getOffers',
        authorization: bearer(token),
        searchParams: { sku: draft.sku, marketplace_id: settings.marketplaceId },
        acceptStatuses: [404],
        signal,
      });
      const offers =
        existing.status === 404 ? [] : (parse(OffersSchema, existing.data, 'getOffers').offers ?? []);
      const current = offers[0];
      const publishedListingId = current?.status === 'PUBLISHED' ? current.listing?.listingId : undefined;
      if (current && publishedListingId) {
        return { externalId: current.offerId, url: listingUrl(publishedListingId), status: 'published' };
      }
      let offerId: string;
      if (current) {
        offerId = current.offerId;
        await http.send({
          method: 'PUT',
          url: `${base}/offer/${encodeURIComponent(offerId)}`,
          operation: 'updateOffer',
          authorization: bearer(token),
          headers: languageHeaders,
          json: buildOfferDetails(draft, context),
          signal,
        });
      } else {
        const created = await http.send({
          method: 'POST',
          url: `${base}/offer`,
          operation: 'createOffer',
          authorization: bearer(token),
          headers: languageHeaders,
          json: buildCreateOffer(draft, context),
          signal,
        });
        offerId = parse(OfferIdSchema, created.data, 'createOffer').offerId;
      }
      const published = await http.send({
        method: 'POST',
        url: `${base}/offer/${encodeURIComponent(offerId)}/publish`,
        operation: 'publishOffer',
        authorization: bearer(token),
        signal,
      });
      const result = parse(PublishSchema, published.data, 'publishOffer');
      const warnings = (result.warnings ?? []).flatMap((warning) =>
        warning.message ? [warning.message] : [],
      );
      return {
        externalId: offerId,
        url: listingUrl(result.listingId),
        status: 'published',
        ...(warnings.length ? { warnings } : {}),
      };
    },

    async doUpdate(update: MarketplaceUpdateOptionsV1): Promise<void> {
      const { draft, access, signal, externalId } = update;
      // A published offer keeps its policies and location when the draft does not name them.
      const issues = validateEbayDraft(draft, settings, { prerequisites: false });
      if (issues.length) throw fail(issues);
      const found = await http.send({
        method: 'GET',
        url: `${base}/offer/${encodeURIComponent(externalId)}`,
        operation: 'getOffer',
        authorization: bearer(access.accessToken),
        notFound: { resource: 'eBay offer', id: externalId },
        signal,
      });
      const offer = parse(OfferSchema, found.data, 'getOffer');
      if (offer.sku !== draft.sku) {
        throw fail([
          { field: 'sku', message: `offer ${externalId} belongs to SKU '${offer.sku}', not '${draft.sku}'` },
        ]);
      }
      const { options: ebay } = readEbayDraftOptions(draft);
      const policies = offer.listingPolicies ?? {};
      const context: OfferContext = {
        sku: offer.sku,
        marketplaceId: offer.marketplaceId,
        categoryId: ebay.categoryId ?? offer.categoryId ?? '',
        merchantLocationKey:
          ebay.merchantLocationKey ?? offer.merchantLocationKey ?? settings.merchantLocationKey ?? '',
        fulfillmentPolicyId:
          ebay.fulfillmentPolicyId ??
          policies.fulfillmentPolicyId ??
          settings.businessPolicies.fulfillmentPolicyId ??
          '',
        paymentPolicyId:
          ebay.paymentPolicyId ?? policies.paymentPolicyId ?? settings.businessPolicies.paymentPolicyId ?? '',
        returnPolicyId:
          ebay.returnPolicyId ?? policies.returnPolicyId ?? settings.businessPolicies.returnPolicyId ?? '',
      };
      const conditionEnum =
        ebay.conditionEnum ??
        (context.categoryId
          ? await conditions.conditionEnumFor(draft.condition, context.categoryId, signal)
          : null);
      await putInventoryItem(draft, draft.images, conditionEnum ?? undefined, access.accessToken, signal);
      await http.send({
        method: 'PUT',
        url: `${base}/offer/${encodeURIComponent(externalId)}`,
        operation: 'updateOffer',
        authorization: bearer(access.accessToken),
        headers: languageHeaders,
        json: buildOfferDetails(draft, context),
        signal,
      });
    },

    async doWithdraw(withdraw: MarketplaceWithdrawOptionsV1): Promise<void> {
      await http.send({
        method: 'POST',
        url: `${base}/offer/${encodeURIComponent(withdraw.externalId)}/withdraw`,
        operation: 'withdrawOffer',
        authorization: bearer(withdraw.access.accessToken),
        notFound: { resource: 'eBay offer', id: withdraw.externalId },
        signal: withdraw.signal,
      });
    },
  };
}
