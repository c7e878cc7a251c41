export {
  type MarketplaceConformanceOptions,
  type MarketplaceConformanceToggle,
  runMarketplaceConformance,
} from './run-marketplace-conformance';
