export type { ConnectStart } from './connect-accounts';
export { createMarketplacesService, type MarketplacesService } from './create-marketplaces-service';
export type {
  AutoDelistResult,
  CrossPostFailure,
  CrossPostResult,
  CrossPostTargetResult,
} from './cross-post-result';
export { type MarketplacesSettings, MarketplacesSettingsSchema } from './marketplaces-settings';
export { createPkcePair } from './pkce';
export {
  createTokenVault,
  type SealedTokens,
  type TokenVault,
  type TokenVaultSettings,
  TokenVaultSettingsSchema,
} from './token-vault';
