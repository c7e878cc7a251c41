import { bypass, http } from 'msw';
import { setupServer } from 'msw/node';
import { type HttpExchange, type HttpFixture, writeHttpFixture } from './http-fixture';

/** Header names whose values are replaced by `[redacted]` in recordings (lower case). */
export const defaultRedactedHeaders = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'x-ebay-c-enduserctx',
  'x-twilio-signature',
  'x-hub-signature',
  'x-hub-signature-256',
] as const;

/** Options of {@link recordHttp}. */
export type RecordHttpOptions = {
  /** Header names to redact, in addition to {@link defaultRedactedHeaders}. */
  readonly redactHeaders?: readonly string[];
  /** Rewrites an exchange before it is kept (strip tokens from bodies, shorten payloads). */
  readonly redact?: (exchange: HttpExchange) => HttpExchange;
  /** Records only requests this accepts (default: all); others go to the network unrecorded. */
  readonly filter?: (request: Request) => boolean;
};

/** A running recorder: real requests pass through to the network and are captured. */
export type HttpRecorder = {
  /** Exchanges captured so far, oldest first. */
  readonly exchanges: readonly HttpExchange[];
  /** Writes the captured exchanges to a fixture file. */
  save(path: string, description?: string): Promise<void>;
  /** Stops intercepting. */
  close(): void;
};

const headersOf = (headers: Headers, redacted: ReadonlySet<string>) => {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = redacted.has(name.toLowerCase()) ? '[redacted]' : value;
  });
  return out;
};

/**
 * Starts recording real HTTP traffic with msw: every request made through `fetch` in this process
 * is sent on to the real server (with msw's `bypass`) and the request/response pair is kept, with
 * credential headers redacted. Save the result with `save(path)` and replay it in tests with
 * {@link setupHttpReplay}. Use it once, by hand, against a sandbox; never in CI.
 */
export function recordHttp(options: RecordHttpOptions = {}): HttpRecorder {
  const redacted = new Set(
    [...defaultRedactedHeaders, ...(options.redactHeaders ?? [])].map((name) => name.toLowerCase()),
  );
  const exchanges: HttpExchange[] = [];
  const server = setupServer(
    http.all('*', async ({ request }) => {
      const requestBody =
        request.method === 'GET' || request.method === 'HEAD' ? null : await request.clone().text();
      const response = await fetch(bypass(request));
      if (options.filter && !options.filter(request)) return response;
      const responseBody = await response.clone().text();
      const exchange: HttpExchange = {
        request: {
          method: request.method,
          url: request.url,
          headers: headersOf(request.headers, redacted),
          body: requestBody,
        },
        response: {
          status: response.status,
          headers: headersOf(response.headers, redacted),
          body: responseBody,
        },
      };
      exchanges.push(options.redact ? options.redact(exchange) : exchange);
      return response;
    }),
  );
  server.listen({ onUnhandledFrame: 'bypass' });
  return {
    get exchanges() {
      return [...exchanges];
    },
    async save(path, description) {
      const fixture: HttpFixture = { version: 1, ...(description ? { description } : {}), exchanges };
      await writeHttpFixture(path, fixture);
    },
    close: () => server.close(),
  };
}
