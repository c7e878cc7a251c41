import { createECDH, createPublicKey, randomBytes, verify } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the push endpoint saw in one request, and what it found wrong with the headers. */
export type PushRequest = {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly bodyBytes: number;
  /** The status the endpoint answered with. */
  readonly status: number;
  readonly jwt: { readonly header: Record<string, unknown>; readonly claims: Record<string, unknown> } | null;
  readonly vapidKey: string | null;
  readonly problems: readonly string[];
};

/** A scripted answer for a subscription path. */
export type PushReply = {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
};

/**
 * A local push service (a real node:http server on 127.0.0.1). It decrypts nothing, but checks
 * what a push service checks before accepting a message: `Authorization: vapid t=<JWT>, k=<key>`
 * with an ES256 signature that verifies against `k`, an audience equal to the endpoint's origin,
 * an expiry within 24 hours and a subject; `Content-Encoding: aes128gcm` with a well-formed
 * aes128gcm header (salt, record size 4096, 65-byte key id); `TTL`, `Urgency` and `Topic`. Requests
 * with problems get 400; others get the scripted reply for their path, else 201 with `Location`.
 */
export async function startPushTestServer(options: { readonly audience: string }) {
  const requests: PushRequest[] = [];
  const replies = new Map<string, PushReply[]>();

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = request.url ?? '/';
      const checked = checkRequest(request.method ?? '', request.headers, body, options.audience);
      const reply: PushReply =
        checked.problems.length > 0
          ? { status: 400, headers: { 'content-type': 'text/plain' }, body: checked.problems.join('; ') }
          : (replies.get(path)?.shift() ?? {
              status: 201,
              headers: { location: `${options.audience}/m/${requests.length + 1}` },
            });
      requests.push({
        path,
        headers: request.headers,
        bodyBytes: body.length,
        status: reply.status,
        ...checked,
      });
      response.writeHead(reply.status, reply.headers ?? {}).end(reply.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    requests,
    /** Answer the next request to `path` with `reply` (queued in order). */
    reply(path: string, reply: PushReply) {
      replies.set(path, [...(replies.get(path) ?? []), reply]);
    },
    /** Forget every scripted reply. */
    resetReplies() {
      replies.clear();
    },
    /**
     * A `fetch` that sends requests for the push service's https origin to this server over real
     * HTTP, leaving everything else (path, headers, body, signal) untouched.
     */
    fetch: ((input: string | URL | Request, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.origin !== options.audience) throw new TypeError(`unexpected push origin ${url.origin}`);
      return fetch(`${origin}${url.pathname}${url.search}`, init);
    }) as typeof fetch,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function checkRequest(method: string, headers: IncomingHttpHeaders, body: Buffer, audience: string) {
  const problems: string[] = [];
  if (method !== 'POST') problems.push(`method ${method}`);
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(headers.authorization ?? '');
  let jwt: PushRequest['jwt'] = null;
  const vapidKey = match?.[2] ?? null;
  if (!match) problems.push('Authorization is not "vapid t=…, k=…"');
  else {
    const [encodedHeader, encodedClaims, signature] = (match[1] as string).split('.');
    try {
      jwt = {
        header: JSON.parse(Buffer.from(encodedHeader ?? '', 'base64url').toString('utf8')),
        claims: JSON.parse(Buffer.from(encodedClaims ?? '', 'base64url').toString('utf8')),
      };
    } catch {
      problems.push('JWT is not JSON');
    }
    if (jwt) {
      if (jwt.header.alg !== 'ES256') problems.push('JWT alg is not ES256');
      if (jwt.claims.aud !== audience) problems.push(`JWT aud ${String(jwt.claims.aud)} is not ${audience}`);
      const exp = Number(jwt.claims.exp);
      const now = Date.now() / 1000;
      if (!(exp > now && exp <= now + 24 * 3600 + 60)) problems.push('JWT exp is not within 24 hours');
      if (typeof jwt.claims.sub !== 'string' || !/^(mailto:|https:)/.test(jwt.claims.sub))
        problems.push('JWT sub');
      const key = Buffer.from(vapidKey ?? '', 'base64url');
      const valid =
        key.length === 65 &&
        verify(
          'sha256',
          Buffer.from(`${encodedHeader}.${encodedClaims}`),
          {
            key: createPublicKey({
              key: {
                kty: 'EC',
                crv: 'P-256',
                x: key.subarray(1, 33).toString('base64url'),
                y: key.subarray(33).toString('base64url'),
              },
              format: 'jwk',
            }),
            dsaEncoding: 'ieee-p1363',
          },
          Buffer.from(signature ?? '', 'base64url'),
        );
      if (!valid) problems.push('JWT signature does not verify against k');
    }
  }
  if (headers['content-encoding'] !== 'aes128gcm') problems.push('Content-Encoding is not aes128gcm');
  if (headers['content-type'] !== 'application/octet-stream') problems.push('Content-Type');
  if (!/^\d+$/.test(String(headers.ttl ?? ''))) problems.push('TTL is missing or not an integer');
  if (!['very-low', 'low', 'normal', 'high'].includes(String(headers.urgency))) problems.push('Urgency');
  if (headers.topic !== undefined && !/^[A-Za-z0-9_-]{1,32}$/.test(String(headers.topic)))
    problems.push('Topic');
  // aes128gcm header (RFC 8188): salt(16) | rs(4) | idlen(1) | keyid(idlen); then ciphertext.
  if (body.length < 21 + 65 + 17 || body.length > 4096) problems.push(`body length ${body.length}`);
  else {
    if (body.readUInt32BE(16) !== 4096) problems.push('record size is not 4096');
    if (body.readUInt8(20) !== 65) problems.push('key id is not a 65-byte P-256 key');
  }
  return { jwt, vapidKey, problems };
}

/** A browser-like subscription: a fresh P-256 key pair and a 16-byte auth secret. */
export function makeSubscription(endpoint: string) {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    endpoint,
    expirationTime: null,
    keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') },
  };
}
