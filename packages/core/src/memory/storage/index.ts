export { createMemoryStorage, type MemoryStorageSettings } from './create-memory-storage';
