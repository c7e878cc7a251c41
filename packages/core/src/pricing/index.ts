export {
  type ComparableWeighting,
  categoryAffinity,
  conditionAffinity,
  defaultComparableWeighting,
} from './comparable-similarity';
export {
  type ComparablesEstimate,
  type ComparablesEstimateSettings,
  type ComparablesOutcome,
  defaultComparablesEstimateSettings,
  estimateFromComparables,
} from './comparables-estimate';
export {
  type ComparableMatch,
  type ComparableQuery,
  type ComparablesIndex,
  type ComparablesIndexSettings,
  comparableQueryOf,
  createComparablesIndex,
} from './comparables-index';
export { dealScore } from './deal-score';
export { type EvaluatePriceInput, evaluatePrice, type PriceEvaluation } from './evaluate-price';
export { type ListingPriceFacts, listingPriceFacts } from './listing-price-facts';
export {
  empiricalLogPriceDistribution,
  type LogPriceDistribution,
  normalLogPriceDistribution,
} from './log-price-distribution';
export {
  type Comparable,
  ComparableSchema,
  type PriceAnalysis,
  PriceAnalysisSchema,
  PriceTrendSchema,
} from './price-analysis';
export {
  classifyPriceAnomaly,
  defaultPriceAnomalyThresholds,
  type PriceAnomaly,
  type PriceAnomalyThresholds,
  priceZScore,
} from './price-anomaly';
export {
  createPriceModelPredictor,
  type PriceModel,
  type PriceModelPrediction,
  type PriceModelPredictor,
  PriceModelSchema,
  priceModelStateKey,
} from './price-model';
export type { PriceModelTrainingResult } from './price-model-store';
export {
  createPricingService,
  type PriceRecommendation,
  type PricingService,
  trainPriceModelJobName,
} from './pricing-service';
export { type PricingSettings, PricingSettingsSchema } from './pricing-settings';
export { keepInliers, modifiedZThreshold, robustSigma } from './robust-statistics';
export { type PriceTrendEstimate, type TheilSenTrendSettings, theilSenTrend } from './theil-sen-trend';
export { tokenizeTitle } from './tokenize-title';
export {
  type TrainPriceModelOutcome,
  type TrainPriceModelSettings,
  trainPriceModel,
} from './train-price-model';
