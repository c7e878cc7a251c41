import { AuthenticationError } from '@deal-scout/core';
import type { ApplicationTokenProvider } from '../oauth/create-application-token-provider';
import type { EbayHttpClient, EbayHttpRequest, EbayHttpResponse } from './create-ebay-http-client';

/**
 * Sends a request authorised by the shared application token. When eBay rejects the token (it can
 * be revoked before its expiry), the cached token is dropped and the call is repeated once with a
 * fresh one; a second rejection is an `AuthenticationError` without `reauthenticate` (no seller
 * connection can fix the application's own token).
 */
export async function sendWithApplicationToken(
  http: EbayHttpClient,
  tokens: ApplicationTokenProvider,
  request: Omit<EbayHttpRequest, 'authorization'>,
): Promise<EbayHttpResponse> {
  const token = await tokens.get(request.signal);
  try {
    return await http.send({ ...request, authorization: `Bearer ${token}` });
  } catch (error) {
    if (!(error instanceof AuthenticationError) || !error.reauthenticate) throw error;
    tokens.invalidate(token);
    const fresh = await tokens.get(request.signal);
    try {
      return await http.send({ ...request, authorization: `Bearer ${fresh}` });
    } catch (retryError) {
      if (!(retryError instanceof AuthenticationError)) throw retryError;
      // No seller can fix an application token eBay keeps refusing: it is the keyset's scopes.
      throw new AuthenticationError({
        message: `${request.operation}: eBay refused a fresh application token; check the keyset and its scopes`,
        source: 'ebay',
        cause: retryError,
      });
    }
  }
}
