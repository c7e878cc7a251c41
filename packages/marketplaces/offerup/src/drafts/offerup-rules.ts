/**
 * OfferUp's listing and shipping rules, with their sources:
 * - shipping with an OfferUp label: under 20 lb, sale price under $2,000, no side over 18 in
 *   (https://help.offerup.com/hc/en-us/articles/360039017352-Shipping-policies);
 * - no URLs or phone numbers in a listing, payments on OfferUp only, a photo of the actual item
 *   (https://help.pro.offerup.com/hc/en-us/articles/360042745892);
 * - listings are local: every listing has a location.
 */
export const offerUpRules = {
  /** Shipped items must weigh less than this, in pounds. */
  shippingMaxWeightLb: 20,
  /** Shipped items must sell for less than this, in US cents. */
  shippingMaxPriceCents: 200_000,
  /** No side of a shipped box may exceed this, in inches. */
  shippingMaxSideIn: 18,
} as const;

/** An http(s) URL or a bare domain like `example.com/x`. */
export const urlPattern = /\bhttps?:\/\/|\bwww\.|\b[a-z0-9-]+\.(com|net|org|io|co|us|biz|info|ly)\b/i;
/** A North American phone number, however it is punctuated. */
export const phonePattern = /(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b/;
/** Off-platform payment apps OfferUp's rules exclude. */
export const offPlatformPaymentPattern = /\b(venmo|zelle|cash\s?app|paypal|western union|wire transfer)\b/i;
