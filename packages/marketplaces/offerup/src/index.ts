/**
 * @deal-scout/offerup: OfferUp's listing JSON normalised into Deal Scout listings, drafts checked
 * against OfferUp's rules, category and condition mapping, and a typed transport seam through which
 * a host searches and posts (OfferUp has no public API).
 */
export {
  fromOfferUpCategory,
  type OfferUpCategory,
  offerUpCategoryByCanonical,
} from './categories/offerup-categories';
export {
  createOfferUpMarketplace,
  type OfferUpMarketplace,
  type OfferUpSettings,
} from './create-offerup-marketplace';
export { type OfferUpDraftOptions, OfferUpDraftOptionsSchema } from './drafts/offerup-draft-options';
export { offerUpRules } from './drafts/offerup-rules';
export { type OfferUpDraftLimits, validateOfferUpDraft } from './drafts/validate-offerup-draft';
export { convertOfferUpListing, OfferUpListingJsonSchema } from './listings/convert-offerup-listing';
export {
  fromOfferUpCondition,
  type OfferUpCondition,
  offerUpConditions,
  toOfferUpCondition,
} from './listings/offerup-condition';
export { convertDraftToOfferUpListing } from './transport/convert-draft-to-offerup-listing';
export type {
  OfferUpListingRequest,
  OfferUpSearchRequest,
  OfferUpSearchResponse,
  OfferUpTransport,
} from './transport/offerup-transport';
export { toOfferUpSearchRequest } from './transport/to-offerup-search-request';
