export type { MarketplaceAdapterV1 } from './marketplace-adapter-v1';
export type { MarketplaceCapabilitiesV1, MarketplaceLimitsV1 } from './marketplace-capabilities-v1';
export type { MarketplaceOAuthV1, MarketplaceTokenSetV1 } from './marketplace-oauth-v1';
export type {
  DraftIssueV1,
  MarketplaceAccessV1,
  MarketplaceCategorySuggestionV1,
  MarketplaceImageUploadOptionsV1,
  MarketplacePublishOptionsV1,
  MarketplacePublishResultV1,
  MarketplaceUpdateOptionsV1,
  MarketplaceWithdrawOptionsV1,
} from './marketplace-publish-v1';
export type { MarketplaceSearchOptionsV1, MarketplaceSearchPageV1 } from './marketplace-search-v1';
export type {
  MarketplaceWebhookEventV1,
  MarketplaceWebhooksV1,
  WebhookRequestV1,
  WebhookResponseV1,
} from './marketplace-webhooks-v1';
