export {
  runSearchIndexConformance,
  type SearchIndexConformanceOptions,
  type SearchIndexConformanceToggle,
} from './run-search-index-conformance';
