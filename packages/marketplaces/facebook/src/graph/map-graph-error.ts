import {
  AuthenticationError,
  type DealScoutError,
  MarketplaceRequestError,
  RateLimitedError,
} from '@deal-scout/core';

/** The `error` object of a Graph API error response. */
export type GraphErrorBody = {
  readonly message?: string;
  readonly type?: string;
  readonly code?: number;
  readonly error_subcode?: number;
  readonly error_user_title?: string;
  readonly error_user_msg?: string;
  readonly fbtrace_id?: string;
};

/** Throttling codes: application (4), user (17), page (32), custom (613), application limit (341). */
const throttlingCodes = new Set([4, 17, 32, 341, 613]);
/** Temporary or unknown server errors that Meta documents as retryable (1 unknown, 2 service). */
const transientCodes = new Set([1, 2]);

/**
 * Maps a Graph API error onto a core error, following Meta's error-handling guide
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling):
 * - 190 (expired or invalid access token) → `AuthenticationError` with `reauthenticate`;
 * - 4, 17, 32, 341, 613 (throttling) → `RateLimitedError` (Retry-After when the response had one);
 * - 368 (blocked for policy reasons) → `MarketplaceRequestError`, not retryable;
 * - 1, 2 (temporary) → `MarketplaceRequestError`, retryable;
 * - anything else → `MarketplaceRequestError`, retryable only for 5xx.
 *
 * The message carries Meta's message and trace id, never the request URL or a token.
 */
export function mapGraphError(
  error: GraphErrorBody | undefined,
  status: number,
  retryAfterMs: number | null = null,
): DealScoutError {
  const code = error?.code ?? null;
  const trace = error?.fbtrace_id ? ` (fbtrace_id ${error.fbtrace_id})` : '';
  const detail = `${error?.message ?? `HTTP ${status}`}${trace}`;
  if (code === 190 || (code === null && status === 401)) {
    return new AuthenticationError({
      message: `Facebook access token is expired or invalid: ${detail}`,
      reauthenticate: true,
      source: 'facebook',
    });
  }
  if ((code !== null && throttlingCodes.has(code)) || status === 429) {
    return new RateLimitedError({
      message: `Facebook throttled the call: ${detail}`,
      retryAfterMs,
      source: 'facebook',
    });
  }
  if (code === 368) {
    return new MarketplaceRequestError({
      message: `Facebook blocked the action for policy reasons: ${detail}`,
      source: 'facebook',
      status,
      providerCode: code,
      isRetryable: false,
    });
  }
  return new MarketplaceRequestError({
    message: `Facebook Graph API error${code === null ? '' : ` ${code}`}: ${detail}`,
    source: 'facebook',
    status,
    providerCode: code,
    isRetryable: (code !== null && transientCodes.has(code)) || status >= 500,
  });
}
