import { MarketplaceRequestError } from '@deal-scout/core';
import { z } from 'zod';
import type { EbayHttpClient } from '../http/create-ebay-http-client';

/** The token endpoint's answer (developer.ebay.com oauth-auth-code-grant-request / client-credentials). */
const EbayTokenResponseSchema = z.object({
  access_token: z.string().min(1),
  /** Seconds. */
  expires_in: z.number().int().positive(),
  token_type: z.string().optional(),
  refresh_token: z.string().min(1).optional(),
  /** Seconds. */
  refresh_token_expires_in: z.number().int().positive().optional(),
});

/** A parsed token response. */
export type EbayTokenResponse = z.infer<typeof EbayTokenResponseSchema>;

/**
 * POSTs a grant to `/identity/v1/oauth2/token` with HTTP Basic client authentication and a
 * form-encoded body, as eBay requires. Throws `AuthenticationError` for `invalid_grant` /
 * `invalid_client`, `RateLimitedError` when the daily token cap is hit, `MarketplaceRequestError`
 * otherwise.
 */
export async function requestEbayToken(options: {
  readonly http: EbayHttpClient;
  readonly apiHost: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly form: Readonly<Record<string, string>>;
  readonly operation: string;
  readonly signal?: AbortSignal | undefined;
}): Promise<EbayTokenResponse> {
  const credentials = btoa(`${options.clientId}:${options.clientSecret}`);
  const response = await options.http.send({
    method: 'POST',
    url: `${options.apiHost}/identity/v1/oauth2/token`,
    operation: options.operation,
    authorization: `Basic ${credentials}`,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(options.form).toString(),
    signal: options.signal,
  });
  const parsed = EbayTokenResponseSchema.safeParse(response.data);
  if (!parsed.success) {
    throw new MarketplaceRequestError({
      message: `${options.operation}: the token endpoint answered without a usable access token`,
      source: 'ebay',
      status: response.status,
    });
  }
  return parsed.data;
}
