export {
  type JobsConformanceOptions,
  type JobsConformanceSubject,
  type JobsConformanceToggle,
  runJobsConformance,
} from './run-jobs-conformance';
