export {
  type CategoryId,
  CategoryIdSchema,
  categoryAncestors,
  categoryDescendants,
  categoryIds,
  categoryParent,
  categoryTree,
  isCategoryId,
  isCategoryWithin,
} from './categories';
export {
  type Condition,
  ConditionSchema,
  conditionRank,
  conditions,
  isConditionAtLeast,
  parseCondition,
} from './condition';
export {
  AttributesSchema,
  type Listing,
  type ListingInput,
  ListingSchema,
  type ListingStatus,
  ListingStatusSchema,
  listingIdOf,
  type Seller,
  SellerSchema,
  ShippingSchema,
} from './listing';
export { type ListingDraft, type ListingDraftInput, ListingDraftSchema } from './listing-draft';
export {
  type GeoPoint,
  hasCoordinates,
  haversineDistance,
  type Location,
  LocationSchema,
  milesToKm,
} from './location';
export {
  type MarketplaceAccount,
  MarketplaceAccountSchema,
  MarketplaceAccountStatusSchema,
  type MarketplaceAccountView,
} from './marketplace-account';
export {
  CurrencySchema,
  compareMoney,
  currencyDigits,
  formatMoney,
  type Money,
  MoneySchema,
  money,
  moneyFromMajor,
  toMajor,
  usd,
} from './money';
export {
  checkListingCandidate,
  type ListingJsonContext,
  listingImages,
  listingLocation,
  listingMoney,
  maxListingImages,
  parseListingJson,
  splitPlaceName,
} from './normalise-listing-fields';
export { isValidatedListing, sealValidatedListing } from './validated-listing';
