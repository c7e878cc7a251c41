import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import type { HttpExchange, HttpFixture } from './http-fixture';

/** How a request is matched to a recorded one. */
export type ReplayMatchOptions = {
  /** Also require the same request body (default false: method and full URL, query included). */
  readonly matchBody?: boolean;
  /**
   * When a request was recorded fewer times than it is made: `last` serves the last recording
   * again (default), `none` treats it as unmatched.
   */
  readonly repeat?: 'last' | 'none';
};

/** A replay in progress: which recordings were served, and which were not. */
export type HttpReplayState = {
  /** Requests made during the replay that matched a recording, in order. */
  readonly served: readonly HttpExchange[];
  /** Requests that had no recording (`GET https://…`); each made the caller's fetch reject. */
  readonly unmatched: readonly string[];
  /** Recordings never served (useful to assert that a flow made every expected call). */
  readonly unused: () => readonly HttpExchange[];
};

/** Normalises a URL for matching: query parameters sorted, so their order does not matter. */
function urlKey(url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.sort();
  return parsed.toString();
}

/**
 * msw handlers that answer each request with its recorded response, in recorded order per
 * (method, URL). A request with no recording falls through, so with
 * `onUnhandledFrame: 'error'` (what {@link setupHttpReplay} uses) it fails the test.
 */
export function createReplayHandlers(fixture: HttpFixture, options: ReplayMatchOptions = {}) {
  const queues = new Map<string, { exchanges: HttpExchange[]; next: number }>();
  const keyOf = (method: string, url: string, body: string | null) =>
    JSON.stringify([method.toUpperCase(), urlKey(url), options.matchBody ? (body ?? '') : null]);
  for (const exchange of fixture.exchanges) {
    const key = keyOf(exchange.request.method, exchange.request.url, exchange.request.body);
    const queue = queues.get(key) ?? { exchanges: [], next: 0 };
    queue.exchanges.push(exchange);
    queues.set(key, queue);
  }
  const served: HttpExchange[] = [];
  const unmatched: string[] = [];
  const handler = http.all('*', async ({ request }) => {
    const body = options.matchBody ? await request.clone().text() : null;
    const queue = queues.get(keyOf(request.method, request.url, body));
    let exchange = queue?.exchanges[queue.next];
    if (exchange && queue) queue.next++;
    else if ((options.repeat ?? 'last') === 'last') exchange = queue?.exchanges.at(-1);
    if (!exchange) {
      // A network error makes the caller's fetch reject, so an unexpected call fails the test.
      unmatched.push(`${request.method} ${request.url}`);
      console.error(`[deal-scout testkit] no recorded response for ${request.method} ${request.url}`);
      return HttpResponse.error();
    }
    served.push(exchange);
    const { status, headers, body: text } = exchange.response;
    // Drop encodings: the recorded body is already decoded text.
    const { 'content-encoding': _encoding, 'content-length': _length, ...rest } = headers;
    return new HttpResponse(status === 204 || status === 304 ? null : text, { status, headers: rest });
  });
  const state: HttpReplayState = {
    served,
    unmatched,
    unused: () => [...queues.values()].flatMap((queue) => queue.exchanges.slice(queue.next)),
  };
  return { handlers: [handler], state };
}

/**
 * Starts an msw server that replays a fixture and fails on any request it has no recording for.
 * Call `close()` after the tests (in `afterAll`).
 */
export function setupHttpReplay(fixture: HttpFixture, options: ReplayMatchOptions = {}) {
  const { handlers, state } = createReplayHandlers(fixture, options);
  const server = setupServer(...handlers);
  server.listen({ onUnhandledFrame: 'error' });
  return { server, state, close: () => server.close() };
}
