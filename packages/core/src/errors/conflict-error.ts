import { DealScoutError } from './deal-scout-error';

/** The change conflicts with current state: a duplicate key, or a concurrent edit. */
export class ConflictError extends DealScoutError {
  constructor(options: { message: string; source?: string; cause?: unknown }) {
    super({ code: 'CONFLICT', ...options });
    this.name = 'ConflictError';
  }
}
