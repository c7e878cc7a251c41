export {
  at,
  buildAccount,
  buildAlertMatch,
  buildListing,
  buildOutboxEntry,
  buildPreferences,
  buildPriceAnalysis,
  buildRule,
} from './build-domain-objects';
