import { DealScoutError } from './deal-scout-error';
import type { ValidationIssue } from './validation-error';

/** Listing data from a marketplace (or a host feed) could not be normalised into a `Listing`. */
export class ListingParseError extends DealScoutError {
  readonly issues: readonly ValidationIssue[];

  constructor(options: { message: string; source?: string; issues?: ValidationIssue[]; cause?: unknown }) {
    super({
      code: 'LISTING_PARSE_FAILED',
      message: options.message,
      source: options.source,
      cause: options.cause,
    });
    this.name = 'ListingParseError';
    this.issues = options.issues ?? [];
  }
}
