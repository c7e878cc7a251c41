export {
  createRecordingChannel,
  type RecordedSendV1,
  type RecordingChannel,
  type RecordingChannelSettings,
  type ScriptedFailure,
} from './channel';
export {
  createMemoryJobs,
  type JobFailureEvent,
  type JobProgressEvent,
  type MemoryJobsSettings,
} from './jobs';
export { createManualClock, type ManualClock } from './manual-clock';
export {
  createReplayMarketplace,
  type ReplayMarketplace,
  type ReplayMarketplaceSettings,
  replayMaxPageSize,
} from './marketplace';
export { createMemorySearchIndex, type MemorySearchIndexSettings } from './search';
export { createMemoryStorage, type MemoryStorageSettings } from './storage';
