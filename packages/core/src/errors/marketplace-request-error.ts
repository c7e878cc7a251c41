import { DealScoutError } from './deal-scout-error';

/** A marketplace answered with an error. `status` is the HTTP status, `providerCode` its own code. */
export class MarketplaceRequestError extends DealScoutError {
  readonly status: number | null;
  readonly providerCode: string | null;

  constructor(options: {
    message: string;
    source: string;
    status?: number | null;
    providerCode?: string | number | null;
    isRetryable?: boolean;
    cause?: unknown;
  }) {
    super({
      code: 'MARKETPLACE_REQUEST_FAILED',
      message: options.message,
      source: options.source,
      isRetryable: options.isRetryable ?? (options.status != null && options.status >= 500),
      cause: options.cause,
    });
    this.name = 'MarketplaceRequestError';
    this.status = options.status ?? null;
    this.providerCode = options.providerCode == null ? null : String(options.providerCode);
  }
}
