import {
  AuthenticationError,
  NotFoundError,
  NotificationDeliveryError,
  RateLimitedError,
  ValidationError,
} from '@deal-scout/core';
import {
  createOpenApiRequestValidator,
  errorText,
  loadSharedSpec,
  responseExample,
} from '@deal-scout/testkit';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { accountSid, authToken, verifyServiceSid } from '../test/twilio-fixtures';
import { createTwilioVerify } from './create-twilio-verify';

const spec = loadSharedSpec('twilio/twilio_verify_v2.json');
const startPath = '/v2/Services/{ServiceSid}/Verifications';
const checkPath = '/v2/Services/{ServiceSid}/VerificationCheck';
const base = `https://verify.twilio.com/v2/Services/${verifyServiceSid}`;

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function route(path: 'Verifications' | 'VerificationCheck', respond: (form: URLSearchParams) => Response) {
  const forms: URLSearchParams[] = [];
  server.use(
    http.post(`${base}/${path}`, async ({ request }) => {
      expect(request.headers.get('authorization')).toBe(`Basic ${btoa(`${accountSid}:${authToken}`)}`);
      const form = new URLSearchParams(await request.text());
      forms.push(form);
      return respond(form);
    }),
  );
  return forms;
}

const verify = createTwilioVerify({ accountSid, authToken, serviceSid: verifyServiceSid, env: {} });

describe.skipIf(spec === null)('createTwilioVerify against the Verify v2 spec', () => {
  const validator = spec ? createOpenApiRequestValidator(spec) : null;

  it('starts an SMS verification with a spec-valid form and reads the 201', async () => {
    const forms = route('Verifications', (form) =>
      HttpResponse.json(
        { ...(responseExample(spec!, startPath, 'post', '201') as object), to: form.get('To') },
        { status: 201 },
      ),
    );
    const verification = await verify.start({ to: '+14155550123', locale: 'en' });
    expect(verification).toEqual({
      sid: `VE${'a'.repeat(32)}`,
      to: '+14155550123',
      channel: 'sms',
      status: 'pending',
      valid: false,
    });
    expect(Object.fromEntries(forms[0]!)).toEqual({ To: '+14155550123', Channel: 'sms', Locale: 'en' });
    expect(validator!.form(startPath, 'post', forms[0]!)).toEqual([]);
  });

  it('checks a code with a spec-valid form; approved codes are valid', async () => {
    const forms = route('VerificationCheck', () =>
      HttpResponse.json(responseExample(spec!, checkPath, 'post', '201') as object, { status: 201 }),
    );
    await expect(verify.check({ to: '+15017122661', code: '123456' })).resolves.toMatchObject({
      status: 'approved',
      valid: true,
    });
    expect(validator!.form(checkPath, 'post', forms[0]!)).toEqual([]);
    await verify.check({ verificationSid: `VE${'a'.repeat(32)}`, code: '123456' });
    expect(forms[1]?.get('VerificationSid')).toBe(`VE${'a'.repeat(32)}`);
    expect(validator!.form(checkPath, 'post', forms[1]!)).toEqual([]);
  });

  it('a wrong code resolves pending and not valid', async () => {
    route('VerificationCheck', () =>
      HttpResponse.json(
        { ...(responseExample(spec!, checkPath, 'post', '201') as object), status: 'pending', valid: false },
        { status: 200 },
      ),
    );
    await expect(verify.check({ to: '+15017122661', code: '000000' })).resolves.toMatchObject({
      status: 'pending',
      valid: false,
    });
  });
});

describe('createTwilioVerify errors', () => {
  it('404 on check means no pending verification', async () => {
    route('VerificationCheck', () =>
      HttpResponse.json(
        { code: 20404, message: 'The requested resource was not found', status: 404 },
        { status: 404 },
      ),
    );
    const error = await verify
      .check({ to: '+14155550123', code: '123456' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).not.toContain('+14155550123');
  });

  it('429 (60203 max send attempts) is a RateLimitedError with Retry-After', async () => {
    route('Verifications', () =>
      HttpResponse.json(
        { code: 60203, message: 'Max send attempts reached', status: 429 },
        { status: 429, headers: { 'Retry-After': '600', 'Twilio-Reached-Rate-Limit': 'true' } },
      ),
    );
    await expect(verify.start({ to: '+14155550123' })).rejects.toMatchObject({
      name: 'RateLimitedError',
      retryAfterMs: 600_000,
    });
  });

  it('21610 on start is a recipient opt-out; 5xx is transient; 401 is an authentication error', async () => {
    route('Verifications', () =>
      HttpResponse.json({ code: 21610, message: 'unsubscribed recipient', status: 400 }, { status: 400 }),
    );
    await expect(verify.start({ to: '+14155550123' })).rejects.toMatchObject({ kind: 'recipient_opted_out' });
    server.resetHandlers();
    route('Verifications', () => HttpResponse.json({ code: 20500, status: 500 }, { status: 500 }));
    await expect(verify.start({ to: '+14155550123' })).rejects.toBeInstanceOf(NotificationDeliveryError);
    server.resetHandlers();
    route('Verifications', () =>
      HttpResponse.json({ code: 20003, message: 'Authenticate', status: 401 }, { status: 401 }),
    );
    const error = await verify.start({ to: '+14155550123' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(errorText(error)).not.toContain(authToken);
  });

  it('validates inputs before any request', async () => {
    const forms = route('Verifications', () => HttpResponse.json({}, { status: 201 }));
    await expect(verify.start({ to: '4155550123' })).rejects.toThrow(ValidationError);
    await expect(verify.start({ to: 'not-an-email', channel: 'email' })).rejects.toMatchObject({
      field: 'to',
    });
    await expect(verify.check({ to: '+14155550123', code: '12' })).rejects.toMatchObject({ field: 'code' });
    expect(forms).toHaveLength(0);
    expect(() => createTwilioVerify({ accountSid, authToken, env: {} })).toThrow(/TWILIO_VERIFY_SERVICE_SID/);
  });

  it('a 429 on check is rate limited too (60202: more than 5 checks)', async () => {
    route('VerificationCheck', () =>
      HttpResponse.json({ code: 60202, message: 'Max check attempts reached', status: 429 }, { status: 429 }),
    );
    await expect(verify.check({ to: '+14155550123', code: '123456' })).rejects.toBeInstanceOf(
      RateLimitedError,
    );
  });
});
