import { DealScoutError } from './deal-scout-error';

/** The adapter does not offer the requested operation; its `capabilities` say so. */
export class UnsupportedCapabilityError extends DealScoutError {
  readonly capability: string;

  constructor(options: { capability: string; source: string; message?: string }) {
    super({
      code: 'UNSUPPORTED_CAPABILITY',
      message: options.message ?? `does not support '${options.capability}'`,
      source: options.source,
    });
    this.name = 'UnsupportedCapabilityError';
    this.capability = options.capability;
  }
}
