export {
  type Comparable,
  ComparableSchema,
  type PriceAnalysis,
  PriceAnalysisSchema,
  PriceTrendSchema,
} from './price-analysis';
