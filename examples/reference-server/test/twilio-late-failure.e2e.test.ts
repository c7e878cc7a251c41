import { describeWithSharedData, loadSharedSpec, responseExample } from '@deal-scout/testkit';
import { computeTwilioSignature } from '@deal-scout/twilio';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loopbackOnly } from './marketplace-mocks';
import { startTestServer, type TestServer } from './start-test-server';

const twilio = {
  TWILIO_ACCOUNT_SID: `AC${'2'.repeat(32)}`,
  TWILIO_AUTH_TOKEN: 'twilio-auth-token-for-late-failures',
  TWILIO_FROM_NUMBER: '+15005550006',
};
const publicBaseUrl = 'http://127.0.0.1:3000';
const phone = '+14155550123';
const messageSid = `SM${'c'.repeat(32)}`;
const messagesUrl = `https://api.twilio.com/2010-04-01/Accounts/${twilio.TWILIO_ACCOUNT_SID}/Messages.json`;

// Twilio's Messages API answers with its documented 201 example, carrying our SID.
const spec = loadSharedSpec('twilio/twilio_api_v2010.json');
const sent: URLSearchParams[] = [];
const unhandled: string[] = [];
const mock = setupServer(
  http.post(messagesUrl, async ({ request }) => {
    const form = new URLSearchParams(await request.text());
    sent.push(form);
    const example = responseExample(spec!, '/2010-04-01/Accounts/{AccountSid}/Messages.json', 'post', '201');
    return HttpResponse.json(
      { ...(example as object), sid: messageSid, to: form.get('To'), status: 'queued' },
      { status: 201 },
    );
  }),
);

describeWithSharedData('a late Twilio failure through the server', () => {
  let server: TestServer;
  beforeAll(async () => {
    mock.listen({ onUnhandledFrame: loopbackOnly(unhandled) });
    server = await startTestServer({ ...twilio, PUBLIC_BASE_URL: publicBaseUrl });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    mock.close();
    // Nothing but the server itself and Twilio's Messages API was called.
    expect(unhandled).toEqual([]);
  });

  it('marks the number invalid when Twilio reports 30006 after accepting the SMS', async () => {
    const user = await server.register('late@example.com');
    const admin = await server.register('admin@example.com');
    const patch = (path: string, json: unknown) =>
      server.request(`/notification-preferences/${path}`, { method: 'PATCH', token: user, json });
    expect((await patch('addresses', { phone })).status).toBe(200);
    expect((await patch('channels', { channels: ['sms'] })).status).toBe(200);
    expect((await patch('frequency', { frequency: 'immediate' })).status).toBe(200);
    const rule = await server.request('/deal-alert-rules', {
      method: 'POST',
      token: user,
      json: { name: 'Trek bikes', keywords: ['trek'] },
    });
    expect(rule.status).toBe(201);
    const ingest = await server.request('/listings/ingest', {
      method: 'POST',
      token: admin,
      json: {
        listings: [
          {
            marketplace: 'feed',
            externalId: 'trek-1',
            title: 'Trek road bike 54cm',
            price: { amount: 45_000, currency: 'USD' },
            postedAt: '2026-01-10T12:00:00Z',
          },
        ],
      },
    });
    expect(ingest.status).toBe(200);

    // The alert goes out as an SMS through Twilio; the server remembers its SID.
    await waitFor(async () => sent.length === 1);
    expect(sent[0]?.get('To')).toBe(phone);
    await waitFor(
      async () =>
        (await server.composed.scout.storage.state.get(`server.twilio-message.${messageSid}`)) !== null,
    );

    const params = { MessageSid: messageSid, MessageStatus: 'undelivered', ErrorCode: '30006', To: phone };
    const callback = await server.request('/webhooks/twilio/status', {
      method: 'POST',
      body: new URLSearchParams(params).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': computeTwilioSignature(
          twilio.TWILIO_AUTH_TOKEN,
          `${publicBaseUrl}/webhooks/twilio/status`,
          params,
        ),
      },
    });
    expect(callback.status).toBe(204);

    const summary = await (await server.request('/notification-preferences/summary', { token: user })).json();
    expect(summary.channels.find((channel: { channel: string }) => channel.channel === 'sms')).toMatchObject({
      address: 'address_invalid',
      active: false,
    });
    // The SID is forgotten once Twilio has reported its final status.
    expect(await server.composed.scout.storage.state.get(`server.twilio-message.${messageSid}`)).toBeNull();
  }, 60_000);
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the condition');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
