export { createManualClock, type ManualClock } from './manual-clock';
export { createMemoryStorage, type MemoryStorageSettings } from './storage';
