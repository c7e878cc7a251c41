export { runStorageConformance } from './run-storage-conformance';
export type { StorageConformanceOptions, StorageConformanceToggle } from './storage-conformance-options';
