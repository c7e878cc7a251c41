export type { LogFieldsV1, LoggerV1 } from './logger-v1';
