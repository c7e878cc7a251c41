import { DealScoutError } from './deal-scout-error';

/**
 * Credentials are missing, invalid, expired or revoked, or a signature did not verify.
 * `reauthenticate` tells the host to send the user through the connect flow again.
 */
export class AuthenticationError extends DealScoutError {
  readonly reauthenticate: boolean;

  constructor(options: {
    message: string;
    reauthenticate?: boolean;
    signature?: boolean;
    source?: string;
    cause?: unknown;
  }) {
    super({
      code: options.signature ? 'SIGNATURE_INVALID' : 'AUTHENTICATION_FAILED',
      message: options.message,
      source: options.source,
      cause: options.cause,
    });
    this.name = 'AuthenticationError';
    this.reauthenticate = options.reauthenticate ?? false;
  }
}
