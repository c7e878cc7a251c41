import { type InspectedDelivery, runChannelConformance } from '@deal-scout/testkit';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import { accountSid, authToken, fromNumber, messagesUrl } from '../test/twilio-fixtures';
import { createTwilioChannel } from './create-twilio-channel';

// What the simulated Messages API received, and the failure (if any) it gives the next send.
let received: InspectedDelivery[] = [];
let nextFailure: { status: number; code: number; headers?: Record<string, string> } | null = null;
let sids = 0;

const server = setupServer(
  http.post(messagesUrl, async ({ request }) => {
    const form = new URLSearchParams(await request.text());
    if (nextFailure) {
      const { status, code, headers } = nextFailure;
      nextFailure = null;
      return HttpResponse.json(
        { code, message: `error ${code}`, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
        { status, ...(headers ? { headers } : {}) },
      );
    }
    received.push({ to: form.get('To') ?? '', text: form.get('Body') ?? '' });
    const sid = `SM${String(++sids).padStart(32, '0')}`;
    return HttpResponse.json(
      {
        sid,
        account_sid: accountSid,
        to: form.get('To'),
        from: form.get('From'),
        body: form.get('Body'),
        status: 'queued',
      },
      { status: 201 },
    );
  }),
);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

const failWith = (status: number, code: number, headers?: Record<string, string>) => () => {
  nextFailure = { status, code, ...(headers ? { headers } : {}) };
};

runChannelConformance({
  name: 'twilio',
  create: () => {
    received = [];
    nextFailure = null;
    return { subject: createTwilioChannel({ accountSid, authToken, from: fromNumber, env: {} }) };
  },
  recipient: { kind: 'sms', phone: '+14155550123' },
  inspect: () => received,
  failures: {
    transient: failWith(429, 20429, { 'Retry-After': '1' }),
    recipient_opted_out: failWith(400, 21610),
    invalid_recipient: failWith(400, 21211),
    rejected: failWith(400, 21606),
  },
  secrets: [authToken],
});
