export { createMemorySearchIndex, type MemorySearchIndexSettings } from './create-memory-search-index';
export { compileListingFilters, type ListingFilters } from './listing-filters';
