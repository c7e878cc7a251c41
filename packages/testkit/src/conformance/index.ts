export * from './channel';
export {
  type ConformanceOptions,
  type ConformanceSubject,
  collectPages,
  defineConformanceSuite,
  errorCodeOf,
} from './define-suite';
export * from './jobs';
export * from './marketplace';
export * from './search';
export * from './storage';
