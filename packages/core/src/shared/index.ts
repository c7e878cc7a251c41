export { createId, IdSchema, SlugSchema } from './ids';
export { formatIssuePath, parseInput, toValidationIssues } from './parse-input';
export { type Timestamp, TimestampSchema, toTimestamp } from './timestamp';
