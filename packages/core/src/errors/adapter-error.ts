import { DealScoutError } from './deal-scout-error';

/** An adapter threw something that is not a Deal Scout error; the original is kept as `cause`. */
export class AdapterError extends DealScoutError {
  readonly operation: string;

  constructor(options: {
    source: string;
    operation: string;
    message?: string;
    isRetryable?: boolean;
    cause?: unknown;
  }) {
    super({
      code: 'ADAPTER_FAILED',
      message: options.message ?? `${options.operation} failed unexpectedly`,
      source: options.source,
      isRetryable: options.isRetryable ?? false,
      cause: options.cause,
    });
    this.name = 'AdapterError';
    this.operation = options.operation;
  }
}
