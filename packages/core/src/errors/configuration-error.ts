import { DealScoutError } from './deal-scout-error';

/** The SDK or an adapter was composed with invalid settings. Thrown at start-up, never later. */
export class ConfigurationError extends DealScoutError {
  constructor(options: { message: string; source?: string; cause?: unknown }) {
    super({ code: 'CONFIGURATION_INVALID', ...options });
    this.name = 'ConfigurationError';
  }
}
