/**
 * @deal-scout/testkit: conformance suites for every Deal Scout contract, HTTP record/replay helpers
 * and real-data fixture loaders for adapter authors.
 */

export * from './builders';
export * from './conformance';
export * from './fixtures';
export * from './http';
export * from './openapi';
export { errorText } from './secrets/error-text';
