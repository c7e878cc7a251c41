import { AuthenticationError, type ClockV1, MarketplaceRequestError, NotFoundError } from '@deal-scout/core';
import { z } from 'zod';
import type { EbayHttpClient } from '../http/create-ebay-http-client';
import { sendWithApplicationToken } from '../http/send-with-application-token';
import type { ApplicationTokenProvider } from '../oauth/create-application-token-provider';

/** The Notification API's `PublicKey` (commerce_notification_v1_oas3.json). */
const PublicKeySchema = z.object({
  algorithm: z.string().optional(),
  digest: z.string().optional(),
  key: z.string().min(1),
});
export type EbayPublicKey = z.infer<typeof PublicKeySchema>;

/** Key ids remembered at most (known and unknown). */
const maxEntries = 64;

/** Fetches notification public keys by id and keeps them (eBay recommends caching for an hour). */
export type PublicKeyCache = { get(kid: string, signal?: AbortSignal): Promise<EbayPublicKey> };

/**
 * Creates the key cache: `getPublicKey(kid)` on the Notification API with the application token,
 * cached per key id for `ttlMs` (unknown ids too), concurrent lookups of one id sharing a request.
 * An unknown key id (404) is a forged signature.
 */
export function createPublicKeyCache(options: {
  readonly http: EbayHttpClient;
  readonly tokens: ApplicationTokenProvider;
  readonly apiHost: string;
  readonly clock: ClockV1;
  readonly ttlMs: number;
}): PublicKeyCache {
  const entries = new Map<string, { at: number; key: Promise<EbayPublicKey> }>();
  return {
    get(kid, signal) {
      const now = options.clock.now().getTime();
      const hit = entries.get(kid);
      if (hit && now - hit.at < options.ttlMs) return hit.key;
      const key = sendWithApplicationToken(options.http, options.tokens, {
        method: 'GET',
        url: `${options.apiHost}/commerce/notification/v1/public_key/${encodeURIComponent(kid)}`,
        operation: 'getPublicKey',
        notFound: { resource: 'eBay notification public key', id: kid },
        signal,
      })
        .then((response) => {
          const parsed = PublicKeySchema.safeParse(response.data);
          if (!parsed.success) {
            throw new MarketplaceRequestError({ message: 'getPublicKey returned no key', source: 'ebay' });
          }
          return parsed.data;
        })
        .catch((error: unknown) => {
          // An unknown key id stays cached as unknown: forged requests naming random ids must not
          // spend the Notification API's daily calls. Transient failures are retried next time.
          if (!(error instanceof NotFoundError)) entries.delete(kid);
          if (error instanceof NotFoundError) {
            throw new AuthenticationError({
              message: `unknown signing key '${kid}'`,
              signature: true,
              source: 'ebay',
            });
          }
          throw error;
        });
      entries.set(kid, { at: now, key });
      // Bounded: eBay rotates few keys; evict the oldest ids first.
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(oldest);
      }
      return key;
    },
  };
}
