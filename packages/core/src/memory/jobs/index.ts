export {
  createMemoryJobs,
  type JobFailureEvent,
  type JobProgressEvent,
  type MemoryJobsSettings,
} from './create-memory-jobs';
