import { DealScoutError } from './deal-scout-error';

/** A configured limit would be exceeded (rules per user, batch size, daily call budget). */
export class LimitExceededError extends DealScoutError {
  readonly limit: number;

  constructor(options: { message: string; limit: number; source?: string }) {
    super({ code: 'LIMIT_EXCEEDED', message: options.message, source: options.source });
    this.name = 'LimitExceededError';
    this.limit = options.limit;
  }
}
