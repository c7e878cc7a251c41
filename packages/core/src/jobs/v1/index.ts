export type { JobContextV1, JobHandlerV1, JobsV1 } from './jobs-v1';
