import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { createEbaySpecValidator, type EbaySpecValidator } from './ebay-spec-validator';

/** One request the mock eBay received. */
export type RecordedCall = {
  /** The eBay operationId, or the name of an endpoint without a spec file (`token`, `getUser`, `createImageFromUrl`). */
  readonly operation: string;
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  readonly body: string;
  /** The body's exact bytes (multipart uploads are not text). */
  readonly bytes: Uint8Array<ArrayBuffer>;
};

/** What a mock operation answers. `body` undefined means an empty body. */
export type MockReply = { status?: number; body?: unknown; headers?: Record<string, string> };
type Reply = (request: {
  url: URL;
  params: Record<string, string>;
  body: unknown;
  headers: Headers;
}) => MockReply | Promise<MockReply>;

export const apiHost = 'https://api.ebay.com';

/**
 * An msw server impersonating eBay. `operation()` handlers check every request's path, parameters,
 * headers and body against eBay's OpenAPI files and every reply against the response schema;
 * `problems` collects what did not match, and tests assert it stays empty.
 */
export function createEbayMockServer() {
  const validator: EbaySpecValidator = createEbaySpecValidator();
  const server = setupServer();
  const problems: string[] = [];
  const calls: RecordedCall[] = [];

  const record = async (operation: string, request: Request) => {
    const bytes = new Uint8Array(await request.clone().arrayBuffer());
    const body = new TextDecoder().decode(bytes);
    const call = {
      bytes,
      operation,
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body,
    };
    calls.push(call);
    return call;
  };
  const statusOf = (reply: MockReply) => reply.status ?? (reply.body === undefined ? 204 : 200);
  const respond = (reply: MockReply) =>
    reply.body === undefined
      ? new HttpResponse(null, { status: statusOf(reply), headers: reply.headers ?? {} })
      : HttpResponse.json(reply.body as Record<string, unknown>, {
          status: statusOf(reply),
          headers: reply.headers ?? {},
        });

  return {
    server,
    problems,
    calls,
    validator,
    /** Resets handlers, clears the recorded calls and returns (then clears) the spec problems found. */
    reset(): string[] {
      server.resetHandlers();
      calls.length = 0;
      return problems.splice(0, problems.length);
    },
    /** Operation names of the calls so far, in order. */
    operations: () => calls.map((call) => call.operation),

    /** A handler for a documented eBay operation; `path` uses msw `:param` syntax after the host. */
    operation(method: 'get' | 'post' | 'put' | 'delete', path: string, reply: Reply, host = apiHost) {
      return http[method](`${host}${path}`, async ({ request, params }) => {
        const operationId =
          validator.operationOf(request.method, request.url) ?? `unknown ${request.method} ${path}`;
        const call = await record(operationId, request);
        problems.push(
          ...validator.validateRequest({
            method: request.method,
            url: request.url,
            headers: request.headers,
            body: call.body,
          }),
        );
        const result = await reply({
          url: call.url,
          params: params as Record<string, string>,
          body: call.body ? (JSON.parse(call.body) as unknown) : undefined,
          headers: request.headers,
        });
        problems.push(
          ...validator.validateResponse(request.method, request.url, statusOf(result), result.body ?? null),
        );
        return respond(result);
      });
    },

    /**
     * A handler for an endpoint with no OpenAPI file (OAuth token, Identity, Media): the test checks
     * the documented shape itself.
     */
    undocumented(
      method: 'get' | 'post',
      url: string,
      name: string,
      reply: (call: RecordedCall) => MockReply | Promise<MockReply>,
    ) {
      return http[method](url, async ({ request }) => respond(await reply(await record(name, request))));
    },
  };
}

export type EbayMockServer = ReturnType<typeof createEbayMockServer>;
