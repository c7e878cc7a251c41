import { DealScoutError } from './deal-scout-error';

/** A provider (or the SDK's own budget) refused the call for now. Always retryable. */
export class RateLimitedError extends DealScoutError {
  /** How long to wait before retrying, in milliseconds; `null` when the provider did not say. */
  readonly retryAfterMs: number | null;

  constructor(options: { message: string; retryAfterMs?: number | null; source?: string; cause?: unknown }) {
    super({ code: 'RATE_LIMITED', isRetryable: true, ...options });
    this.name = 'RateLimitedError';
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}
