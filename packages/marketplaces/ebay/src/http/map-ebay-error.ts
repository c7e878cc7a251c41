import {
  AuthenticationError,
  type DealScoutError,
  MarketplaceRequestError,
  NotFoundError,
  RateLimitedError,
} from '@deal-scout/core';
import { z } from 'zod';

const source = 'ebay';

/** eBay's REST error body (`Error` in every eBay OpenAPI file) and its OAuth error body. */
const EbayErrorBodySchema = z.object({
  errors: z
    .array(
      z.object({
        errorId: z.number().optional(),
        domain: z.string().optional(),
        category: z.string().optional(),
        message: z.string().optional(),
        longMessage: z.string().optional(),
      }),
    )
    .optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
});

/**
 * errorIds meaning the token is missing, invalid or expired (eBay's common OAuth errors:
 * 1001 invalid access token, 1002 missing access token, 1003 token not valid for this API,
 * 1004 token expired) and 1100 (access denied: the token lacks the scope, which after expiry
 * is what eBay answers on some APIs).
 */
export const ebayTokenErrorIds: ReadonlySet<number> = new Set([1001, 1002, 1003, 1004, 1100]);

/**
 * errorIds eBay documents as internal failures worth retrying (category APPLICATION in the
 * `x-response-codes` of the Browse, Inventory, Taxonomy and Notification OpenAPI files), plus
 * 25025, the Inventory API's "concurrent access, please try again later".
 */
export const ebayRetryableErrorIds: ReadonlySet<number> = new Set([
  11000, 12000, 25001, 25025, 62000, 195000,
]);

/** eBay's "call limit reached" errorId, sent with HTTP 429. */
const rateLimitErrorId = 2001;

/** Parses `Retry-After` (delta seconds or an HTTP date) into milliseconds; `null` when absent or bad. */
export function parseRetryAfter(value: string | null, now: Date = new Date()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now.getTime());
}

/** What a failed eBay response looked like. */
export type EbayFailure = {
  readonly status: number;
  readonly body: unknown;
  readonly retryAfter: string | null;
  /** The operation, for the message (`search`, `publishOffer`). */
  readonly operation: string;
  /** A 404 names this resource in a `NotFoundError` instead of a request error. */
  readonly notFound?: { readonly resource: string; readonly id: string };
};

/**
 * Maps an eBay error response onto core errors:
 * - 401, or errorId 1001–1004/1100 → `AuthenticationError` with `reauthenticate`;
 * - OAuth `invalid_grant` (revoked or expired refresh token/code) → `AuthenticationError` with `reauthenticate`;
 * - 429 or errorId 2001 → `RateLimitedError` with `Retry-After`;
 * - 5xx or a documented internal errorId → retryable `MarketplaceRequestError`;
 * - 404 with `notFound` → `NotFoundError`;
 * - anything else → `MarketplaceRequestError` with `providerCode` (the first errorId or OAuth error).
 * Messages carry eBay's own text, never a token.
 */
export function mapEbayError(failure: EbayFailure): DealScoutError {
  const parsed = EbayErrorBodySchema.safeParse(failure.body);
  const body = parsed.success ? parsed.data : {};
  const first = body.errors?.[0];
  const ids = (body.errors ?? []).flatMap((error) => (error.errorId === undefined ? [] : [error.errorId]));
  const text = first?.longMessage ?? first?.message ?? body.error_description ?? body.error ?? 'no details';
  const detail = `${failure.operation} failed with HTTP ${failure.status}: ${text}`;

  if (failure.status === 429 || ids.includes(rateLimitErrorId)) {
    return new RateLimitedError({
      message: detail,
      retryAfterMs: parseRetryAfter(failure.retryAfter),
      source,
    });
  }
  // A rejected keyset (the token endpoint answers 401 invalid_client) is the host's configuration,
  // not the seller's consent: no re-authentication would help.
  if (body.error === 'invalid_client' || body.error === 'unauthorized_client') {
    return new AuthenticationError({
      message: `${detail} (check EBAY_CLIENT_ID/EBAY_CLIENT_SECRET)`,
      source,
    });
  }
  if (
    failure.status === 401 ||
    ids.some((id) => ebayTokenErrorIds.has(id)) ||
    body.error === 'invalid_grant'
  ) {
    return new AuthenticationError({ message: detail, reauthenticate: true, source });
  }
  if (failure.status === 404 && failure.notFound) {
    return new NotFoundError({ ...failure.notFound, source });
  }
  const retryable = failure.status >= 500 || ids.some((id) => ebayRetryableErrorIds.has(id));
  return new MarketplaceRequestError({
    message: detail,
    source,
    status: failure.status,
    providerCode: first?.errorId ?? body.error ?? null,
    isRetryable: retryable,
  });
}

/** The errorIds of an eBay error body (empty when it has none). */
export function ebayErrorIds(body: unknown): number[] {
  const parsed = EbayErrorBodySchema.safeParse(body);
  if (!parsed.success) return [];
  return (parsed.data.errors ?? []).flatMap((error) => (error.errorId === undefined ? [] : [error.errorId]));
}
