import {
  AuthenticationError,
  ConfigurationError,
  type MarketplaceWebhookEventV1,
  type MarketplaceWebhooksV1,
  ValidationError,
  type WebhookRequestV1,
  type WebhookResponseV1,
} from '@deal-scout/core';
import type { ResolvedFacebookSettings } from '../facebook-settings';
import { decodeHex, importHmacKey, verifyHmac } from './hmac-sha256';
import { parseSignedRequest } from './parse-signed-request';

const textResponse = (status: number, body: string): WebhookResponseV1 => ({
  status,
  headers: { 'content-type': 'text/plain; charset=utf-8' },
  body,
});

const forged = (message: string) => new AuthenticationError({ message, signature: true, source: 'facebook' });

/** Compares two strings in time that does not depend on where they differ. */
function constantTimeEquals(a: string, b: string): boolean {
  const left = new TextEncoder().encode(a);
  const right = new TextEncoder().encode(b);
  let difference = left.length ^ right.length;
  for (let i = 0; i < Math.max(left.length, right.length); i++)
    difference |= (left[i] ?? 0) ^ (right[i] ?? 0);
  return difference === 0;
}

/** A stable confirmation code for a data-deletion request (hex SHA-256 of user id and time). */
async function confirmationCode(userId: string, issuedAt: number | undefined): Promise<string> {
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(`${userId}:${issuedAt ?? ''}`),
  );
  return [...new Uint8Array(digest).slice(0, 10)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Facebook's callbacks, verified before anything is parsed:
 * - `GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`: the subscription check; the token
 *   is compared in constant time and the challenge echoed;
 * - `POST` with `X-Hub-Signature-256: sha256=<hex>`: a Graph webhook, HMAC-SHA256 of the raw body with
 *   the app secret (https://developers.facebook.com/docs/graph-api/webhooks/getting-started/); it is
 *   acknowledged and carries no event this SDK acts on;
 * - `POST` form with `signed_request`: the Login deauthorise callback (→ `account.deauthorized`) or,
 *   on the path ending in `dataDeletionPathSuffix`, the data-deletion callback (→ `account.deleted`,
 *   answered with the `{ url, confirmation_code }` JSON Meta expects).
 */
export function createFacebookWebhooks(settings: ResolvedFacebookSettings): MarketplaceWebhooksV1 {
  const key = importHmacKey(settings.appSecret);

  async function handleChallenge(url: URL): Promise<WebhookResponseV1> {
    if (!settings.webhookVerifyToken) {
      throw new ConfigurationError({
        message: 'webhookVerifyToken (FACEBOOK_WEBHOOK_VERIFY_TOKEN) is needed to answer hub.challenge',
        source: 'facebook',
      });
    }
    const token = url.searchParams.get('hub.verify_token') ?? '';
    if (!constantTimeEquals(token, settings.webhookVerifyToken)) {
      throw forged('hub.verify_token does not match the configured verify token');
    }
    const challenge = url.searchParams.get('hub.challenge');
    if (!challenge) {
      throw new ValidationError({
        issues: [{ field: 'hub.challenge', message: 'is required' }],
        subject: 'Facebook webhook verification',
        source: 'facebook',
      });
    }
    return textResponse(200, challenge);
  }

  async function handleSignedCallback(url: URL, body: Uint8Array) {
    const form = new URLSearchParams(new TextDecoder().decode(body));
    const signedRequest = form.get('signed_request');
    if (!signedRequest) throw forged('callback has no signed_request');
    const payload = await parseSignedRequest(signedRequest, await key);
    if (url.pathname.endsWith(settings.dataDeletionPathSuffix)) {
      const code = await confirmationCode(payload.user_id, payload.issued_at);
      const statusUrl = settings.dataDeletionStatusUrlTemplate?.replace('{code}', encodeURIComponent(code));
      const events: MarketplaceWebhookEventV1[] = [
        { type: 'account.deleted', externalAccountId: payload.user_id },
      ];
      const response: WebhookResponseV1 = {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...(statusUrl ? { url: statusUrl } : {}), confirmation_code: code }),
      };
      return { response, events };
    }
    const events: MarketplaceWebhookEventV1[] = [
      { type: 'account.deauthorized', externalAccountId: payload.user_id },
    ];
    return { response: textResponse(200, 'OK'), events };
  }

  async function handleGraphEvent(headers: Readonly<Record<string, string>>, body: Uint8Array) {
    const header = headers['x-hub-signature-256'];
    if (!header) throw forged('webhook has no X-Hub-Signature-256 header');
    const [scheme, hex] = header.split('=', 2);
    const signature = scheme === 'sha256' && hex ? decodeHex(hex) : null;
    if (!signature || !(await verifyHmac(await key, signature, body))) {
      throw forged('X-Hub-Signature-256 does not verify against the raw body');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder().decode(body));
    } catch {
      parsed = null;
    }
    const shape = parsed as { object?: unknown; entry?: unknown } | null;
    if (!shape || typeof shape.object !== 'string' || !Array.isArray(shape.entry)) {
      throw new ValidationError({
        issues: [
          { field: 'body', message: 'must be a Graph webhook JSON object with `object` and `entry[]`' },
        ],
        subject: 'Facebook webhook',
        source: 'facebook',
      });
    }
    return { response: textResponse(200, 'EVENT_RECEIVED'), events: [] as MarketplaceWebhookEventV1[] };
  }

  return {
    async doHandle(request: WebhookRequestV1) {
      const url = new URL(request.url);
      const method = request.method.toUpperCase();
      if (method === 'GET' && url.searchParams.get('hub.mode') === 'subscribe') {
        return { response: await handleChallenge(url), events: [] };
      }
      if (method !== 'POST') {
        throw new ValidationError({
          issues: [{ field: 'method', message: `${method} is not a Facebook callback` }],
          subject: 'Facebook webhook',
          source: 'facebook',
        });
      }
      const contentType = request.headers['content-type'] ?? '';
      if (
        contentType.startsWith('application/x-www-form-urlencoded') &&
        !request.headers['x-hub-signature-256']
      ) {
        return handleSignedCallback(url, request.body);
      }
      return handleGraphEvent(request.headers, request.body);
    },
  };
}
