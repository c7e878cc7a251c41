/**
 * @deal-scout/ebay: the eBay marketplace adapter on eBay's official REST APIs (Browse, Inventory,
 * Taxonomy, Media, Notification, OAuth).
 */
export { createEbayMarketplace, type EbayMarketplace } from './create-ebay-marketplace';
export { type EbayDraftOptions, EbayDraftOptionsSchema } from './publish/ebay-draft-options';
export { ebayDraftLimits } from './publish/validate-ebay-draft';
export { EbaySearchOptionsSchema } from './search/build-browse-search-params';
export { convertEbayItemToListing } from './search/convert-ebay-item-to-listing';
export {
  categoryFromEbayCategories,
  categoryFromEbayIds,
  ebayCategoryIdFor,
  ebayCategoryNamePatterns,
  ebayCategoryTable,
} from './search/ebay-category-map';
export {
  conditionFromEbayId,
  ebayConditionEnumFor,
  ebayConditionIdsFor,
  ebayConditionTable,
} from './search/ebay-condition-map';
export { type EbayEndpoints, type EbayEnvironment, ebayEndpoints } from './settings/ebay-environment';
export {
  type EbayMarketplaceId,
  ebayMarketplaceIds,
  ebayMarketplaces,
} from './settings/ebay-marketplace-ids';
export {
  defaultEbayUserScopes,
  type EbayLocationAddress,
  type EbayMarketplaceSettings,
  EbayMarketplaceSettingsSchema,
  ebayApplicationScope,
  ebaySettingsFromEnv,
} from './settings/ebay-marketplace-settings';
export { computeChallengeResponse } from './webhooks/compute-challenge-response';
