export { createConsoleLogger, type LogLevel, redactSecrets, silentLogger, withRedaction } from './logger';
export { createSystemClock } from './system-clock';
