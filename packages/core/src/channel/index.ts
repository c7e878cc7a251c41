export { parseRetryAfterMs } from './parse-retry-after';
export { refuseInvalidMessage } from './refuse-invalid-message';
