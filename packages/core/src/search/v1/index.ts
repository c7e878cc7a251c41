export type {
  SearchCapabilitiesV1,
  SearchHitV1,
  SearchIndexV1,
  SearchQueryV1,
  SearchResultV1,
} from './search-index-v1';
