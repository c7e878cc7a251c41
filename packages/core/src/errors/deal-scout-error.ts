import type { ErrorCode } from './error-codes';

const marker = Symbol.for('deal-scout.error');

/** Where the documentation for every error code lives; messages end with a link into it. */
export const errorDocsUrl = 'https://github.com/deal-scout/deal-scout/blob/main/docs/errors.md';

/** Options shared by every Deal Scout error. */
export type DealScoutErrorOptions = {
  /** A stable code from `errorCodes`. */
  code: ErrorCode;
  /** Human-readable explanation. Must never contain secrets or tokens. */
  message: string;
  /** The adapter or subsystem that raised it (`ebay`, `twilio`, `storage`); prefixes the message. */
  source?: string | undefined;
  /** Whether the same call may succeed if repeated later. */
  isRetryable?: boolean | undefined;
  /** The underlying error, kept for debugging. */
  cause?: unknown;
};

/**
 * The one base class of every error the SDK throws. It is recognised across duplicate installs of
 * the package by a `Symbol.for` marker, so use {@link DealScoutError.isInstance} rather than
 * `instanceof` when several copies of core may be loaded.
 */
export class DealScoutError extends Error {
  /** Stable machine-readable code. */
  readonly code: ErrorCode;
  /** Whether repeating the same call later may succeed. */
  readonly isRetryable: boolean;
  /** The adapter or subsystem that raised the error, if any. */
  readonly source: string | undefined;

  constructor(options: DealScoutErrorOptions) {
    const prefix = `[deal-scout]${options.source ? ` [${options.source}]` : ''}`;
    super(
      `${prefix} ${options.message} (${options.code}; see ${errorDocsUrl}#${options.code.toLowerCase()})`,
      {
        cause: options.cause,
      },
    );
    Object.defineProperty(this, marker, { value: true });
    this.name = 'DealScoutError';
    this.code = options.code;
    this.isRetryable = options.isRetryable ?? false;
    this.source = options.source;
  }

  /** True for any Deal Scout error, whichever copy of the package created it. */
  static isInstance(error: unknown): error is DealScoutError {
    return typeof error === 'object' && error !== null && marker in error;
  }

  /** A JSON-safe view (no stack, no cause) for logs and API responses. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message, isRetryable: this.isRetryable };
  }
}
