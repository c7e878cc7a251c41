/**
 * @deal-scout/core: the domain (listings, deal alert rules, price analysis, notifications) as zod
 * schemas, the versioned contracts adapters implement, the runtime, and in-memory defaults.
 */

export * from './accounts';
export * from './channel';
export type * from './channel/v1';
export type { ClockV1 } from './clock/v1';
export * from './errors';
export type * from './jobs/v1';
export * from './listing';
export type { LogFieldsV1, LoggerV1 } from './logger/v1';
export * from './marketplace/bind-host-transport';
export type * from './marketplace/v1';
export * from './memory';
export * from './notifications';
export * from './pricing';
export * from './rules';
export * from './runtime';
export type * from './search/v1';
export * from './shared';
export type * from './storage/v1';
