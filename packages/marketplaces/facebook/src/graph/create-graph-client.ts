import { MarketplaceRequestError } from '@deal-scout/core';
import ky, { isNetworkError, isTimeoutError } from 'ky';
import { type GraphErrorBody, mapGraphError } from './map-graph-error';

/** How a Graph request is authorised: a user or system-user token sent as a Bearer header. */
export type GraphCall = {
  /** Path under the versioned base, without a leading slash (`me`, `123/items_batch`). */
  readonly path: string;
  readonly accessToken?: string;
  readonly searchParams?: Readonly<Record<string, string>>;
  /** Sent as `application/x-www-form-urlencoded`, as in Meta's reference examples. */
  readonly form?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
};

/** A minimal Graph API client: one JSON request, Graph errors mapped onto core errors. */
export type GraphClient = {
  get<T>(call: GraphCall): Promise<T>;
  post<T>(call: GraphCall): Promise<T>;
};

/** Settings of {@link createGraphClient}. */
export type GraphClientSettings = {
  /** Graph API version path segment (`v25.0`). */
  readonly version: string;
  /** Base origin, `https://graph.facebook.com` unless testing. */
  readonly baseUrl: string;
  readonly fetch?: typeof globalThis.fetch;
  /** Per-request timeout in milliseconds. */
  readonly timeoutMs: number;
};

function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}

/**
 * Creates the Graph client. Retries are off: the runtime's adapter-call wrapper retries, so a
 * retry here would multiply attempts. Errors never carry the request URL, because the token
 * endpoint takes the app secret as a query parameter.
 */
export function createGraphClient(settings: GraphClientSettings): GraphClient {
  const http = ky.create({
    prefix: `${settings.baseUrl.replace(/\/+$/, '')}/${settings.version}/`,
    retry: 0,
    timeout: settings.timeoutMs,
    throwHttpErrors: false,
    ...(settings.fetch ? { fetch: settings.fetch } : {}),
  });

  async function request<T>(method: 'get' | 'post', call: GraphCall): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (call.accessToken) headers.authorization = `Bearer ${call.accessToken}`;
    let response: Response;
    try {
      response = await http(call.path, {
        method,
        headers,
        ...(call.searchParams ? { searchParams: { ...call.searchParams } } : {}),
        ...(call.form ? { body: new URLSearchParams({ ...call.form }) } : {}),
        ...(call.signal ? { signal: call.signal } : {}),
      });
    } catch (error) {
      if (call.signal?.aborted) throw error;
      if (isNetworkError(error) || isTimeoutError(error)) {
        throw new MarketplaceRequestError({
          message: `Facebook Graph API could not be reached (${isTimeoutError(error) ? 'timeout' : 'network error'})`,
          source: 'facebook',
          status: null,
          isRetryable: true,
        });
      }
      throw error;
    }
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    const graphError = (body as { error?: GraphErrorBody } | null)?.error;
    if (!response.ok || graphError) {
      throw mapGraphError(graphError, response.status, retryAfterMs(response.headers.get('retry-after')));
    }
    if (body === null) {
      throw new MarketplaceRequestError({
        message: `Facebook Graph API answered ${call.path.split('/').at(-1)} with a body that is not JSON`,
        source: 'facebook',
        status: response.status,
      });
    }
    return body as T;
  }

  return { get: (call) => request('get', call), post: (call) => request('post', call) };
}
