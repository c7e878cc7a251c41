import type { ClockV1 } from '@deal-scout/core';
import type { EbayHttpClient } from '../http/create-ebay-http-client';
import { requestEbayToken } from './request-ebay-token';

/** Hands out the application (client-credentials) token. */
export type ApplicationTokenProvider = {
  /** A valid application token, from the cache when it has at least a minute left. */
  get(signal?: AbortSignal): Promise<string>;
  /** Drops `token` from the cache (after eBay rejected it), so the next `get` fetches a new one. */
  invalidate(token: string): void;
  /** Token endpoint calls made so far (the endpoint allows 1,000 client-credentials grants a day). */
  readonly grantsRequested: number;
};

/** Renew this long before expiry, so a token never expires in flight. */
const renewMarginMs = 5 * 60_000;

/**
 * Creates the application-token cache. One token serves every call and every concurrent caller:
 * while a grant is in flight, callers share its promise (single-flight), because eBay caps
 * client-credentials grants at 1,000 per day. A failed grant is not cached; the next call tries again.
 */
export function createApplicationTokenProvider(options: {
  readonly http: EbayHttpClient;
  readonly apiHost: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly scope: string;
  readonly clock: ClockV1;
}): ApplicationTokenProvider {
  let cached: { token: string; expiresAt: number } | null = null;
  let inflight: Promise<string> | null = null;
  let grants = 0;

  const fetchToken = async (): Promise<string> => {
    grants += 1;
    const response = await requestEbayToken({
      http: options.http,
      apiHost: options.apiHost,
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      form: { grant_type: 'client_credentials', scope: options.scope },
      operation: 'getApplicationToken',
    });
    cached = {
      token: response.access_token,
      expiresAt: options.clock.now().getTime() + response.expires_in * 1000,
    };
    return response.access_token;
  };

  return {
    get(signal) {
      if (cached && cached.expiresAt - renewMarginMs > options.clock.now().getTime()) {
        return Promise.resolve(cached.token);
      }
      if (!inflight) {
        // The shared grant ignores any one caller's signal: aborting one caller must not fail the others.
        inflight = fetchToken().finally(() => {
          inflight = null;
        });
      }
      return signal ? raceWithSignal(inflight, signal) : inflight;
    },
    invalidate(token) {
      if (cached?.token === token) cached = null;
    },
    get grantsRequested() {
      return grants;
    },
  };
}

function raceWithSignal<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
