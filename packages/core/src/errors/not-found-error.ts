import { DealScoutError } from './deal-scout-error';

/** The record does not exist or is not visible to the acting user (the two are indistinguishable). */
export class NotFoundError extends DealScoutError {
  readonly resource: string;

  constructor(options: { resource: string; id: string; source?: string }) {
    super({
      code: 'NOT_FOUND',
      message: `${options.resource} '${options.id}' was not found`,
      source: options.source,
    });
    this.name = 'NotFoundError';
    this.resource = options.resource;
  }
}
