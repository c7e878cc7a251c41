import { MarketplaceRequestError } from '@deal-scout/core';
import ky, { type KyInstance } from 'ky';
import { type EbayFailure, mapEbayError } from './map-ebay-error';

/** One call to an eBay REST endpoint. */
export type EbayHttpRequest = {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Absolute URL. */
  readonly url: string;
  /** Names the call in error messages (`search`, `publishOffer`). */
  readonly operation: string;
  /** `Authorization` header value (`Bearer …` or `Basic …`); never logged or put in errors. */
  readonly authorization: string;
  readonly searchParams?: Readonly<Record<string, string | undefined>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly json?: unknown;
  readonly body?: BodyInit;
  readonly signal?: AbortSignal | undefined;
  /** Statuses that are answers, not failures (a 404 that means "no such item"). */
  readonly acceptStatuses?: readonly number[];
  readonly notFound?: EbayFailure['notFound'];
};

/** What eBay answered: the status, the parsed body (`null` when empty) and the headers. */
export type EbayHttpResponse = { readonly status: number; readonly data: unknown; readonly headers: Headers };

/** Sends requests to eBay and turns failures into core errors. */
export type EbayHttpClient = { send(request: EbayHttpRequest): Promise<EbayHttpResponse> };

/**
 * Creates the HTTP client every eBay call goes through: ky over the injected `fetch`, no retries
 * (the runtime retries, honouring Retry-After) and eBay error bodies mapped by `mapEbayError`.
 */
export function createEbayHttpClient(options: {
  readonly fetch?: typeof globalThis.fetch | undefined;
  readonly timeoutMs: number;
}): EbayHttpClient {
  // Resolve `fetch` per call so an interceptor installed after creation (tests, APM) still applies.
  const fetchImpl: typeof globalThis.fetch = (input, init) =>
    (options.fetch ?? globalThis.fetch)(input, init);
  const client: KyInstance = ky.create({
    fetch: fetchImpl,
    retry: 0,
    throwHttpErrors: false,
    timeout: options.timeoutMs,
  });

  return {
    async send(request) {
      const searchParams = new URLSearchParams();
      for (const [key, value] of Object.entries(request.searchParams ?? {})) {
        if (value !== undefined) searchParams.set(key, value);
      }
      let response: Response;
      try {
        response = await client(request.url, {
          method: request.method,
          headers: { Authorization: request.authorization, Accept: 'application/json', ...request.headers },
          searchParams,
          ...(request.json === undefined ? {} : { json: request.json }),
          ...(request.body === undefined ? {} : { body: request.body }),
          ...(request.signal ? { signal: request.signal } : {}),
        });
      } catch (error) {
        if (request.signal?.aborted) throw error;
        throw new MarketplaceRequestError({
          message: `${request.operation} could not reach eBay: ${error instanceof Error ? error.name : 'network error'}`,
          source: 'ebay',
          status: null,
          isRetryable: true,
          cause: error,
        });
      }
      const data = await readBody(response);
      if (response.ok || request.acceptStatuses?.includes(response.status)) {
        return { status: response.status, data, headers: response.headers };
      }
      throw mapEbayError({
        status: response.status,
        body: data,
        retryAfter: response.headers.get('retry-after'),
        operation: request.operation,
        ...(request.notFound ? { notFound: request.notFound } : {}),
      });
    },
  };
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
