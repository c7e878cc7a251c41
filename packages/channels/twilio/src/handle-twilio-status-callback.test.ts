import { AuthenticationError, ValidationError } from '@deal-scout/core';
import { errorText } from '@deal-scout/testkit';
import { describe, expect, it } from 'vitest';
import { accountSid, authToken } from '../test/twilio-fixtures';
import { createTwilioStatusCallbackHandler } from './handle-twilio-status-callback';
import { computeTwilioSignature } from './twilio-signature';

const callbackUrl = 'https://hooks.example.com/twilio/status?tenant=7';
const messageSid = `SM${'a'.repeat(32)}`;

function callbackRequest(
  params: Record<string, string>,
  options: { signature?: string | null; url?: string } = {},
) {
  const body = new URLSearchParams(params).toString();
  const signature =
    options.signature === undefined
      ? computeTwilioSignature(authToken, callbackUrl, params)
      : options.signature;
  return new Request(options.url ?? callbackUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(signature === null ? {} : { 'x-twilio-signature': signature }),
    },
    body,
  });
}

const handler = createTwilioStatusCallbackHandler({ authToken, env: {} });

describe('createTwilioStatusCallbackHandler', () => {
  it('verifies and parses a delivered callback, keeping parameters Twilio adds without notice', async () => {
    const update = await handler.handle(
      callbackRequest({
        MessageSid: messageSid,
        SmsSid: messageSid,
        MessageStatus: 'delivered',
        SmsStatus: 'delivered',
        AccountSid: accountSid,
        To: '+14155550123',
        From: '+15005550006',
        ApiVersion: '2010-04-01',
        RawDlrDoneDate: '2511240001',
      }),
    );
    expect(update).toMatchObject({
      messageSid,
      status: 'delivered',
      errorCode: null,
      failureKind: null,
      accountSid,
      to: '+14155550123',
      from: '+15005550006',
    });
    expect(update.params.RawDlrDoneDate).toBe('2511240001');
  });

  it.each([
    ['30006', 'invalid_recipient'],
    ['30003', 'transient'],
    ['21610', 'recipient_opted_out'],
    ['30007', 'rejected'],
  ] as const)('an undelivered message with ErrorCode %s is %s', async (code, kind) => {
    const update = await handler.handle(
      callbackRequest({ MessageSid: messageSid, MessageStatus: 'undelivered', ErrorCode: code }),
    );
    expect(update.errorCode).toBe(Number(code));
    expect(update.failureKind).toBe(kind);
  });

  it('refuses a forged, tampered or unsigned callback with SIGNATURE_INVALID', async () => {
    const params = { MessageSid: messageSid, MessageStatus: 'delivered' };
    const forged = computeTwilioSignature('another-token', callbackUrl, params);
    const tampered = callbackRequest(
      { ...params, MessageStatus: 'failed' },
      { signature: computeTwilioSignature(authToken, callbackUrl, params) },
    );
    for (const request of [
      callbackRequest(params, { signature: forged }),
      tampered,
      callbackRequest(params, { signature: null }),
    ]) {
      const error = await handler.handle(request).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect((error as AuthenticationError).code).toBe('SIGNATURE_INVALID');
      expect(errorText(error)).not.toContain(authToken);
    }
  });

  it('checks against the public URL when a proxy rewrote the request URL', async () => {
    const params = { MessageSid: messageSid, MessageStatus: 'sent' };
    const behindProxy = callbackRequest(params, { url: 'http://10.0.0.5:8080/twilio/status?tenant=7' });
    await expect(handler.handle(behindProxy)).rejects.toThrow(AuthenticationError);
    const proxied = createTwilioStatusCallbackHandler({ authToken, publicUrl: callbackUrl, env: {} });
    const again = callbackRequest(params, { url: 'http://10.0.0.5:8080/twilio/status?tenant=7' });
    await expect(proxied.handle(again)).resolves.toMatchObject({ status: 'sent' });
  });

  it('passes the signature check for the published vector, then refuses a body that is not a status callback', () => {
    const params = {
      CallSid: 'CA1234567890ABCDE',
      Caller: '+14158675309',
      Digits: '1234',
      From: '+14158675309',
      To: '+18005551212',
    };
    const published = createTwilioStatusCallbackHandler({ authToken: '12345', env: {} });
    const parse = () =>
      published.parse({
        url: 'https://mycompany.com/myapp.php?foo=1&bar=2',
        params,
        signature: 'RSOYDt4T1cUTdK1PDd93/VVr8B8=',
      });
    expect(parse).toThrow(ValidationError);
    expect(parse).toThrow(/MessageSid/);
  });

  it('refuses bodies that are not forms or are too large', async () => {
    const json = new Request(callbackUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    await expect(handler.handle(json)).rejects.toThrow(ValidationError);
    const small = createTwilioStatusCallbackHandler({ authToken, maxBodyBytes: 1024, env: {} });
    const big = callbackRequest({ MessageSid: messageSid, MessageStatus: 'sent', Body: 'x'.repeat(5000) });
    await expect(small.handle(big)).rejects.toThrow(/exceeds 1024 bytes/);
  });

  it('needs an auth token', () => {
    expect(() => createTwilioStatusCallbackHandler({ env: {} })).toThrow(/TWILIO_AUTH_TOKEN/);
  });
});
