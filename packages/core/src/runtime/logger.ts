import type { LogFieldsV1, LoggerV1 } from '../logger/v1/logger-v1';

const secretKey = /(token|secret|password|authorization|api[-_]?key|signature|cookie|credential)/i;

/**
 * Replaces values of secret-looking keys (`accessToken`, `authorization`, `clientSecret`) with
 * `[redacted]`, recursively. The runtime passes every log field through it.
 */
export function redactSecrets(fields: unknown, depth = 0): unknown {
  if (depth > 6 || fields === null || typeof fields !== 'object') return fields;
  if (Array.isArray(fields)) return fields.map((value) => redactSecrets(value, depth + 1));
  if (fields instanceof Error) return { name: fields.name, message: fields.message };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = secretKey.test(key) ? '[redacted]' : redactSecrets(value, depth + 1);
  }
  return out;
}

const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof levels;

/** A logger that writes JSON lines to the console at or above `level` (default `warn`). */
export function createConsoleLogger(options: { level?: LogLevel } = {}): LoggerV1 {
  const threshold = levels[options.level ?? 'warn'];
  const write = (level: Exclude<LogLevel, 'silent'>) => (message: string, fields?: LogFieldsV1) => {
    if (levels[level] < threshold) return;
    const line = JSON.stringify({
      level,
      time: new Date().toISOString(),
      msg: message,
      ...(redactSecrets(fields ?? {}) as object),
    });
    if (level === 'error' || level === 'warn') console.error(line);
    else console.log(line);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** A logger that drops everything. */
export const silentLogger: LoggerV1 = { debug() {}, info() {}, warn() {}, error() {} };

/** Wraps a host logger so every field passes through {@link redactSecrets}. */
export function withRedaction(logger: LoggerV1): LoggerV1 {
  const wrap = (fn: LoggerV1['info']) => (message: string, fields?: LogFieldsV1) =>
    fn(message, fields ? (redactSecrets(fields) as LogFieldsV1) : undefined);
  return {
    debug: wrap(logger.debug),
    info: wrap(logger.info),
    warn: wrap(logger.warn),
    error: wrap(logger.error),
  };
}
