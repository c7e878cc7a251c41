/**
 * @deal-scout/facebook: Facebook Login, verified webhooks, Marketplace Partnership catalogue
 * publishing through the Graph API, a normaliser for Marketplace listing JSON and a typed search
 * transport seam for hosts (Facebook has no public Marketplace search API).
 */
export { createFacebookMarketplace, type FacebookMarketplace } from './create-facebook-marketplace';
export type { FacebookSettings } from './facebook-settings';
export { type GraphErrorBody, mapGraphError } from './graph/map-graph-error';
export {
  convertFacebookListing,
  type FacebookListingJson,
  FacebookListingJsonSchema,
} from './listings/convert-facebook-listing';
export {
  type FacebookCondition,
  fromFacebookCondition,
  toFacebookCondition,
} from './listings/facebook-condition';
export { convertDraftToCatalogItem, formatCatalogPrice } from './publishing/convert-draft-to-catalog-item';
export type { FacebookBatchStatus, FacebookPartnerSeller } from './publishing/create-catalog-publisher';
export { type FacebookDraftOptions, FacebookDraftOptionsSchema } from './publishing/facebook-draft-options';
export { facebookDraftLimits, validateFacebookDraft } from './publishing/validate-facebook-draft';
export type {
  FacebookSearchRequest,
  FacebookSearchResponse,
  FacebookSearchTransport,
} from './search/facebook-search-transport';
export { toFacebookSearchRequest } from './search/search-through-transport';
