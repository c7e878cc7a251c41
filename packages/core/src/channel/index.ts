export { defaultEnvironment, parseChannelSettings, type SettingsEnvironment } from './parse-channel-settings';
export { parseRetryAfterMs } from './parse-retry-after';
export { refuseInvalidMessage } from './refuse-invalid-message';
