import { DealScoutError, StorageError } from '@deal-scout/core';

/**
 * SQLSTATE classes and codes after which the same call may succeed later: the connection was lost
 * or refused, the server is shutting down or overloaded, or the transaction lost a race
 * (serialization failure, deadlock, lock timeout, statement timeout).
 */
const retryableSqlStates = new Set(['40001', '40P01', '55P03', '57014', '57P01', '57P02', '57P03', '58000']);
const retryableSqlStateClasses = ['08', '53'];

/** Node.js socket errors of a connection that was refused, reset or timed out. */
const retryableSocketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** node-postgres reports a dropped or timed-out connection with these messages and no code. */
const retryableMessages = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection (?:was )?(?:closed|ended)/i,
  /client has encountered a connection error/i,
];

type DriverError = { code?: unknown; message?: unknown; severity?: unknown };

/** Whether a driver error is transient, so the caller may retry the same call. */
export function isRetryableDatabaseError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as DriverError;
  if (typeof code === 'string') {
    if (retryableSqlStates.has(code) || retryableSocketCodes.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code)) return retryableSqlStateClasses.some((prefix) => code.startsWith(prefix));
  }
  return typeof message === 'string' && retryableMessages.some((pattern) => pattern.test(message));
}

/**
 * A copy of a driver error with only what is safe to keep: PostgreSQL's `detail` repeats row
 * values ("Failing row contains …"), which may include encrypted tokens or personal data.
 */
function sanitize(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const { code, message, severity } = error as DriverError;
  const { constraint, table, column } = error as Record<string, unknown>;
  const safe = new Error(typeof message === 'string' ? message : 'database error');
  Object.assign(safe, { code, severity, constraint, table, column });
  return safe;
}

/**
 * Turns whatever the driver threw into a `StorageError` (Deal Scout errors pass through unchanged),
 * retryable when the failure is transient. The message names the operation and the SQLSTATE, never
 * the values involved.
 */
export function toStorageError(error: unknown, options: { storageId: string; operation: string }): Error {
  if (DealScoutError.isInstance(error)) return error;
  const code = typeof (error as DriverError | null)?.code === 'string' ? (error as DriverError).code : null;
  const retryable = isRetryableDatabaseError(error);
  const reason =
    error instanceof Error && error.message ? firstLine(error.message) : 'unknown database failure';
  return new StorageError({
    message: `${options.operation} failed${code ? ` (${String(code)})` : ''}: ${reason}${
      retryable ? '; the change was not acknowledged and may be retried' : ''
    }`,
    isRetryable: retryable,
    source: options.storageId,
    cause: sanitize(error),
  });
}

function firstLine(message: string): string {
  const line = message.split('\n', 1)[0] ?? message;
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
