import { ConfigurationError, NotificationDeliveryError } from '@deal-scout/core';
import {
  createOpenApiRequestValidator,
  errorText,
  loadSharedSpec,
  responseExample,
} from '@deal-scout/testkit';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectRefused } from '../test/expect-refused';
import {
  accountSid,
  authToken,
  fromNumber,
  messagesPath,
  messagesUrl,
  messagingServiceSid,
} from '../test/twilio-fixtures';
import { createTwilioChannel } from './create-twilio-channel';

const spec = loadSharedSpec('twilio/twilio_api_v2010.json');

type Received = { form: URLSearchParams; authorization: string | null; contentType: string | null };

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** Answers every Messages.json call with `respond` and records what Twilio would have received. */
function twilioMessages(respond: (form: URLSearchParams) => Response): Received[] {
  const received: Received[] = [];
  server.use(
    http.post(messagesUrl, async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      received.push({
        form,
        authorization: request.headers.get('authorization'),
        contentType: request.headers.get('content-type'),
      });
      return respond(form);
    }),
  );
  return received;
}

function twilioError(status: number, code: number, message: string, headers?: Record<string, string>) {
  return () =>
    HttpResponse.json(
      { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
      { status, ...(headers ? { headers } : {}) },
    );
}

const sms = (phone = '+14155550123', text = 'Deal: Gaming PC $420 (market $610) https://ds.example/l/1') => ({
  recipient: { kind: 'sms' as const, phone },
  text,
});

function channel(overrides: Parameters<typeof createTwilioChannel>[0] = {}) {
  return createTwilioChannel({ accountSid, authToken, from: fromNumber, env: {}, ...overrides });
}

async function sendError(promise: PromiseLike<unknown>): Promise<NotificationDeliveryError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(NotificationDeliveryError);
    return error as NotificationDeliveryError;
  }
  throw new Error('expected the send to fail');
}

describe.skipIf(spec === null)('createTwilioChannel against the CreateMessage spec', () => {
  const validator = spec ? createOpenApiRequestValidator(spec) : null;

  it('posts a form-encoded CreateMessage with Basic auth and returns the message SID', async () => {
    const created = {
      ...(responseExample(spec!, messagesPath, 'post', '201') as object),
      sid: `SM${'b'.repeat(32)}`,
    };
    const received = twilioMessages(() => HttpResponse.json(created, { status: 201 }));
    const twilio = channel({
      statusCallbackUrl: 'https://hooks.example.com/twilio/status',
      validityPeriodSeconds: 3600,
    });

    const result = await twilio.doSend(sms(), { idempotencyKey: 'n-1' });

    expect(result).toEqual({ providerMessageId: `SM${'b'.repeat(32)}` });
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request?.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(request?.authorization).toBe(`Basic ${btoa(`${accountSid}:${authToken}`)}`);
    expect(Object.fromEntries(request!.form)).toEqual({
      To: '+14155550123',
      From: fromNumber,
      Body: sms().text,
      StatusCallback: 'https://hooks.example.com/twilio/status',
      ValidityPeriod: '3600',
    });
    expect(validator!.form(messagesPath, 'post', request!.form)).toEqual([]);
  });

  it('sends through a Messaging Service when one is configured', async () => {
    const received = twilioMessages(() =>
      HttpResponse.json(responseExample(spec!, messagesPath, 'post', '201') as object, { status: 201 }),
    );
    const twilio = createTwilioChannel({ accountSid, authToken, messagingServiceSid, env: {} });

    await twilio.doSend(sms(), { idempotencyKey: 'n-2' });

    expect(received[0]?.form.get('MessagingServiceSid')).toBe(messagingServiceSid);
    expect(received[0]?.form.has('From')).toBe(false);
    expect(validator!.form(messagesPath, 'post', received[0]!.form)).toEqual([]);
  });

  it('the spec check itself catches undocumented and mistyped fields', () => {
    const bad = new URLSearchParams({
      To: '+14155550123',
      Body: 'x',
      Priority: 'high',
      ValidityPeriod: 'soon',
    });
    const problems = validator!.form(messagesPath, 'post', bad);
    expect(problems.join('\n')).toMatch(/undocumented field Priority/);
    expect(problems.join('\n')).toMatch(/ValidityPeriod/);
    expect(validator!.form(messagesPath, 'post', new URLSearchParams({ Body: 'x' })).join('\n')).toMatch(
      /To/,
    );
  });
});

describe('createTwilioChannel error mapping', () => {
  it.each([
    [400, 21610, 'Attempt to send to unsubscribed recipient', 'recipient_opted_out'],
    [400, 21211, "The 'To' number 5551234567 is not a valid phone number.", 'invalid_recipient'],
    [400, 21614, "'To' number is not a valid mobile number", 'invalid_recipient'],
    [
      400,
      21606,
      "The 'From' phone number provided is not a valid message-capable Twilio phone number.",
      'rejected',
    ],
    [400, 21617, 'The concatenated message body exceeds the 1600 character limit.', 'rejected'],
    [401, 20003, 'Authenticate', 'rejected'],
    [500, 20500, 'Internal Server Error', 'transient'],
    [503, 20503, 'Service Unavailable', 'transient'],
  ] as const)('HTTP %i with code %i → %s', async (status, code, message, kind) => {
    twilioMessages(twilioError(status, code, message));
    const error = await sendError(channel().doSend(sms(), { idempotencyKey: 'k' }));
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.providerCode).toBe(String(code));
    expect(error.isRetryable).toBe(kind === 'transient');
    expect(error.message).toContain(String(code));
    expect(errorText(error)).not.toContain(authToken);
  });

  it('20429 (too many concurrent requests) is transient and honours Retry-After', async () => {
    twilioMessages(twilioError(429, 20429, 'Too Many Requests', { 'Retry-After': '3' }));
    const error = await sendError(channel().doSend(sms(), { idempotencyKey: 'k' }));
    expect(error.kind).toBe('transient');
    expect(error.retryAfterMs).toBe(3000);
  });

  it('a bare 429 without a Twilio body is transient with the HTTP-date Retry-After', async () => {
    const at = new Date(Date.now() + 5000).toUTCString();
    twilioMessages(() => new HttpResponse('slow down', { status: 429, headers: { 'Retry-After': at } }));
    const error = await sendError(channel().doSend(sms(), { idempotencyKey: 'k' }));
    expect(error.kind).toBe('transient');
    expect(error.providerCode).toBeNull();
    expect(error.retryAfterMs).toBeGreaterThan(2000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(5000);
  });

  it('an unreachable API is transient and the message names neither the URL nor the token', async () => {
    server.use(http.post(messagesUrl, () => HttpResponse.error()));
    const error = await sendError(channel().doSend(sms(), { idempotencyKey: 'k' }));
    expect(error.kind).toBe('transient');
    expect(errorText(error)).not.toContain(authToken);
    expect(error.message).not.toContain(accountSid);
  });

  it('a 401 explains which settings to check without echoing them', async () => {
    twilioMessages(twilioError(401, 20003, 'Authenticate'));
    const error = await sendError(channel().doSend(sms(), { idempotencyKey: 'k' }));
    expect(error.message).toMatch(/TWILIO_AUTH_TOKEN/);
    expect(errorText(error)).not.toContain(authToken);
  });
});

describe('createTwilioChannel inputs and settings', () => {
  it('refuses a message that is not an SMS, or breaks a limit, before any request', async () => {
    const received = twilioMessages(() => HttpResponse.json({}, { status: 201 }));
    const twilio = channel();
    const refusal = (message: Parameters<typeof twilio.doSend>[0]) =>
      Promise.resolve(twilio.doSend(message, { idempotencyKey: 'k' })).then(
        () => null,
        (caught: unknown) => caught,
      );
    expectRefused(
      await refusal({ recipient: { kind: 'email', email: 'a@b.co' }, text: 'hi' }),
      'recipient.kind',
    );
    expectRefused(await refusal(sms('5551234')), 'recipient.phone');
    expectRefused(await refusal(sms(undefined, 'x'.repeat(1601))), 'text');
    expect(received).toHaveLength(0);
  });

  it('reads credentials and sender from the environment', async () => {
    const received = twilioMessages(() => HttpResponse.json({ sid: `SM${'c'.repeat(32)}` }, { status: 201 }));
    const twilio = createTwilioChannel({
      env: { TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: authToken, TWILIO_FROM_NUMBER: fromNumber },
    });
    await expect(twilio.doSend(sms(), { idempotencyKey: 'k' })).resolves.toEqual({
      providerMessageId: `SM${'c'.repeat(32)}`,
    });
    expect(received[0]?.form.get('From')).toBe(fromNumber);
  });

  it('fails at creation, naming the missing setting and never its value', () => {
    expect(() => createTwilioChannel({ env: {} })).toThrow(/TWILIO_ACCOUNT_SID/);
    expect(() => createTwilioChannel({ accountSid, env: {} })).toThrow(/TWILIO_AUTH_TOKEN/);
    expect(() => createTwilioChannel({ accountSid, authToken, env: {} })).toThrow(/TWILIO_FROM_NUMBER/);
    expect(() => createTwilioChannel({ accountSid: 'nope', authToken, from: fromNumber, env: {} })).toThrow(
      ConfigurationError,
    );
    try {
      createTwilioChannel({
        accountSid,
        authToken,
        from: fromNumber,
        statusCallbackUrl: 'https://my_host/x',
        env: {},
      });
      throw new Error('expected a ConfigurationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(errorText(error)).not.toContain(authToken);
    }
  });

  it('declares limits from the sender throughput: 1 message/s on a long code by default', () => {
    expect(channel().limits).toEqual({ concurrency: 1, intervalCap: 1, intervalMs: 1000 });
    expect(channel({ messagesPerSecond: 3 }).limits).toEqual({
      concurrency: 3,
      intervalCap: 3,
      intervalMs: 1000,
    });
    expect(channel({ messagesPerSecond: 0.5 }).limits).toEqual({
      concurrency: 1,
      intervalCap: 1,
      intervalMs: 2000,
    });
    expect(channel().capabilities).toEqual({ idempotentSends: false, html: false, images: false });
    expect(channel().channel).toBe('sms');
  });
});
