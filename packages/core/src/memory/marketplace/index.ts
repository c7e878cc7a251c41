export {
  createReplayMarketplace,
  type ReplayMarketplace,
  type ReplayMarketplaceSettings,
  replayMaxPageSize,
} from './create-replay-marketplace';
