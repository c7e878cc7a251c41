import {
  currencyDigits,
  type ListingDraft,
  type MarketplaceAccessV1,
  type Money,
  toMajor,
} from '@deal-scout/core';
import type { ResolvedFacebookSettings } from '../facebook-settings';
import { toFacebookCondition } from '../listings/facebook-condition';
import { FacebookDraftOptionsSchema } from './facebook-draft-options';

/** One item's `data` in an `items_batch` request, with the fields the partner item API documents. */
export type FacebookCatalogItem = Readonly<Record<string, string | number | readonly string[] | object>>;

/** Catalogue price text: major units with the currency's digits and its code (`120.00 USD`). */
export function formatCatalogPrice(value: Money): string {
  return `${toMajor(value).toFixed(currencyDigits(value.currency))} ${value.currency}`;
}

/**
 * Builds the item data for a draft. The retailer id (`id`) is the draft's SKU, so creating the same
 * SKU again addresses the same catalogue item instead of adding a second one. Call only after
 * `validateFacebookDraft` returned no issues.
 */
export function convertDraftToCatalogItem(
  draft: ListingDraft,
  access: MarketplaceAccessV1,
  settings: ResolvedFacebookSettings,
): FacebookCatalogItem {
  const options = FacebookDraftOptionsSchema.parse(draft.marketplaceOptions.facebook ?? {});
  const fill = (template: string | undefined) => template?.replaceAll('{sku}', encodeURIComponent(draft.sku));
  const [cover, ...additional] = draft.images;
  const partnerSellerId = access.marketplaceData.partnerSellerId;
  const item: Record<string, string | number | readonly string[] | object> = {
    id: draft.sku,
    title: draft.title,
    description: draft.description,
    price: formatCatalogPrice(draft.price),
    image_link: cover as string,
    availability: 'in stock',
    condition: toFacebookCondition(draft.condition) ?? 'used',
    link: options.link ?? (fill(settings.productUrlTemplate) as string),
    partner_seller_id: typeof partnerSellerId === 'string' ? partnerSellerId : access.externalAccountId,
    partner_item_country: draft.location?.country ?? settings.itemCountry,
    partner_delivery_method: ['shipping'],
  };
  if (additional.length > 0) item.additional_image_link = additional;
  if (draft.brand) item.brand = draft.brand;
  const checkout = options.checkoutUrl ?? fill(settings.checkoutUrlTemplate);
  if (checkout) item.partner_product_checkout_uri = checkout;
  if (draft.shipping?.cost) item.partner_shipping_cost = formatCatalogPrice(draft.shipping.cost);
  if (options.shippingSpeed) item.partner_shipping_speed = options.shippingSpeed;
  if (options.shippingType) item.partner_shipping_type = options.shippingType;
  if (options.expiresAt) item.partner_product_expiration_time = options.expiresAt;
  if (options.returnDays !== undefined || options.returnType) {
    item.return_details = {
      ...(options.returnDays !== undefined ? { return_days: options.returnDays } : {}),
      ...(options.returnType ? { return_type: options.returnType } : {}),
    };
  }
  return item;
}
