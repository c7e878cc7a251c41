/**
 * @deal-scout/poshmark: Poshmark listing JSON normalised into Deal Scout listings, fashion metadata
 * (brand, size, colours, department, category) and draft rules, fees and net proceeds, bundle
 * pricing, metered sharing, and a typed transport seam through which a host searches, posts and
 * shares (Poshmark has no public API).
 */
export {
  calculatePoshmarkBundle,
  type PoshmarkBundleInput,
  PoshmarkBundleInputSchema,
  type PoshmarkBundleQuote,
} from './bundles/calculate-poshmark-bundle';
export {
  fromPoshmarkCategory,
  type PoshmarkCategory,
  type PoshmarkDepartment,
  poshmarkCategoryByCanonical,
  poshmarkDepartments,
} from './categories/poshmark-categories';
export {
  createPoshmarkMarketplace,
  type PoshmarkMarketplace,
  type PoshmarkSettings,
} from './create-poshmark-marketplace';
export { type PoshmarkDraftOptions, PoshmarkDraftOptionsSchema } from './drafts/poshmark-draft-options';
export { poshmarkDraftLimits, validatePoshmarkDraft } from './drafts/validate-poshmark-draft';
export {
  calculatePoshmarkProceeds,
  defaultPoshmarkFeeSchedule,
  type PoshmarkFeeSchedule,
  PoshmarkFeeScheduleSchema,
  type PoshmarkProceeds,
} from './fees/poshmark-fees';
export { convertPoshmarkListing, PoshmarkListingJsonSchema } from './listings/convert-poshmark-listing';
export {
  fromPoshmarkCondition,
  type PoshmarkCondition,
  toPoshmarkCondition,
} from './listings/poshmark-condition';
export {
  createMemoryShareCountStore,
  createShareLimiter,
  type ShareCountStore,
  type ShareLimiter,
} from './sharing/create-share-limiter';
export { type PoshmarkSizeSystem, sizeSystemOf, toPoshmarkSize } from './sizes/poshmark-sizes';
export { convertDraftToPoshmarkListing } from './transport/convert-draft-to-poshmark-listing';
export type {
  PoshmarkListingRequest,
  PoshmarkSearchRequest,
  PoshmarkSearchResponse,
  PoshmarkTransport,
} from './transport/poshmark-transport';
export { toPoshmarkSearchRequest } from './transport/to-poshmark-search-request';
