import { createHmac } from 'node:crypto';
import {
  AuthenticationError,
  ConfigurationError,
  ValidationError,
  type WebhookRequestV1,
} from '@deal-scout/core';
import { describe, expect, it } from 'vitest';
import { appId, appSecret } from '../../test/fixtures';
import { createFacebookMarketplace } from '../create-facebook-marketplace';

const verifyToken = 'my-verify-token-123';
const adapter = createFacebookMarketplace({
  appId,
  appSecret,
  webhookVerifyToken: verifyToken,
  dataDeletionStatusUrlTemplate: 'https://host.example/deletion?code={code}',
});
const encoder = new TextEncoder();

function post(url: string, body: string, headers: Record<string, string>): WebhookRequestV1 {
  return { method: 'POST', url, headers, body: encoder.encode(body) };
}

/** Signs like Meta: `sha256=` + lower-case hex HMAC-SHA256 of the raw body with the app secret. */
function hubSignature(body: string, secret = appSecret): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Builds a signed_request like Meta: base64url(HMAC-SHA256(payloadPart)).base64url(JSON). */
function signedRequest(payload: object, secret = appSecret): string {
  const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const signature = createHmac('sha256', secret).update(encoded).digest('base64url');
  return `${signature}.${encoded}`;
}

const handle = (request: WebhookRequestV1) => adapter.webhooks!.doHandle(request);

describe('Facebook webhook verification (hub.challenge)', () => {
  it('echoes hub.challenge when the verify token matches', async () => {
    const result = await handle({
      method: 'GET',
      url: `https://host.example/webhooks/facebook?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${verifyToken}`,
      headers: {},
      body: new Uint8Array(),
    });
    expect(result.response).toMatchObject({ status: 200, body: '1158201444' });
    expect(result.events).toEqual([]);
  });

  it('refuses a wrong verify token with a signature error', async () => {
    await expect(
      handle({
        method: 'GET',
        url: 'https://host.example/webhooks/facebook?hub.mode=subscribe&hub.challenge=1&hub.verify_token=guess',
        headers: {},
        body: new Uint8Array(),
      }),
    ).rejects.toMatchObject({ name: 'AuthenticationError', code: 'SIGNATURE_INVALID' });
  });

  it('needs a configured verify token', async () => {
    const bare = createFacebookMarketplace({ appId, appSecret });
    await expect(
      bare.webhooks!.doHandle({
        method: 'GET',
        url: 'https://host.example/wh?hub.mode=subscribe&hub.challenge=1&hub.verify_token=x',
        headers: {},
        body: new Uint8Array(),
      }),
    ).rejects.toBeInstanceOf(ConfigurationError);
  });
});

describe('Facebook signed webhooks (X-Hub-Signature-256)', () => {
  const body =
    '{"object":"page","entry":[{"id":"1234","time":1700000000,"changes":[{"field":"feed","value":{"item":"status"}}]}]}';

  it('accepts a body signed with the app secret', async () => {
    const result = await handle(
      post('https://host.example/webhooks/facebook', body, {
        'content-type': 'application/json',
        'x-hub-signature-256': hubSignature(body),
      }),
    );
    expect(result.response).toMatchObject({ status: 200, body: 'EVENT_RECEIVED' });
  });

  it.each([
    ['a signature made with another secret', hubSignature(body, 'someone-elses-secret-000')],
    ['a signature of another body', hubSignature(`${body} `)],
    ['a sha1 signature', `sha1=${createHmac('sha1', appSecret).update(body).digest('hex')}`],
    ['a malformed hex signature', 'sha256=zz'],
  ])('rejects %s with AuthenticationError(signature)', async (_label, signature) => {
    const error = await handle(
      post('https://host.example/webhooks/facebook', body, {
        'content-type': 'application/json',
        'x-hub-signature-256': signature,
      }),
    ).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).code).toBe('SIGNATURE_INVALID');
  });

  it('rejects a request without a signature', async () => {
    await expect(
      handle(post('https://host.example/webhooks/facebook', body, { 'content-type': 'application/json' })),
    ).rejects.toMatchObject({ code: 'SIGNATURE_INVALID' });
  });

  it('verifies the raw bytes, so escaped unicode signed by Meta still verifies', async () => {
    const escaped =
      '{"object":"user","entry":[{"id":"1","time":1,"changes":[{"field":"name","value":"Z\\u00fcrich"}]}]}';
    const result = await handle(
      post('https://host.example/webhooks/facebook', escaped, {
        'content-type': 'application/json',
        'x-hub-signature-256': hubSignature(escaped),
      }),
    );
    expect(result.response.status).toBe(200);
  });

  it('rejects a correctly signed body that is not a Graph webhook with a ValidationError', async () => {
    const junk = '{"hello":"world"}';
    await expect(
      handle(
        post('https://host.example/webhooks/facebook', junk, {
          'content-type': 'application/json',
          'x-hub-signature-256': hubSignature(junk),
        }),
      ),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('Facebook Login callbacks (signed_request)', () => {
  const payload = { algorithm: 'HMAC-SHA256', user_id: '10158000000000001', issued_at: 1767225600 };
  const form = (value: string) => `signed_request=${encodeURIComponent(value)}`;
  const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };

  it('turns the deauthorise callback into account.deauthorized', async () => {
    const result = await handle(
      post('https://host.example/facebook/deauthorize', form(signedRequest(payload)), formHeaders),
    );
    expect(result.events).toEqual([{ type: 'account.deauthorized', externalAccountId: '10158000000000001' }]);
    expect(result.response.status).toBe(200);
  });

  it('turns the data-deletion callback into account.deleted and answers url + confirmation_code', async () => {
    const result = await handle(
      post('https://host.example/facebook/data-deletion', form(signedRequest(payload)), formHeaders),
    );
    expect(result.events).toEqual([{ type: 'account.deleted', externalAccountId: '10158000000000001' }]);
    const answer = JSON.parse(result.response.body) as { url: string; confirmation_code: string };
    expect(answer.confirmation_code).toMatch(/^[0-9a-f]{20}$/);
    expect(answer.url).toBe(`https://host.example/deletion?code=${answer.confirmation_code}`);
  });

  it('rejects a signed_request signed with another secret, before reading it', async () => {
    await expect(
      handle(
        post(
          'https://host.example/facebook/data-deletion',
          form(signedRequest(payload, 'wrong-secret-1234')),
          formHeaders,
        ),
      ),
    ).rejects.toMatchObject({ name: 'AuthenticationError', code: 'SIGNATURE_INVALID' });
  });

  it('rejects a tampered payload', async () => {
    const [signature] = signedRequest(payload).split('.');
    const tampered = `${signature}.${Buffer.from(JSON.stringify({ ...payload, user_id: '999' })).toString('base64url')}`;
    await expect(
      handle(post('https://host.example/facebook/deauthorize', form(tampered), formHeaders)),
    ).rejects.toMatchObject({ code: 'SIGNATURE_INVALID' });
  });

  it('rejects a callback without signed_request', async () => {
    await expect(
      handle(post('https://host.example/facebook/deauthorize', 'foo=bar', formHeaders)),
    ).rejects.toMatchObject({ code: 'SIGNATURE_INVALID' });
  });
});
