import { createHmac } from 'node:crypto';
import { computeTwilioSignature } from '@deal-scout/twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './start-test-server';

const twilio = {
  TWILIO_ACCOUNT_SID: `AC${'1'.repeat(32)}`,
  TWILIO_AUTH_TOKEN: 'twilio-auth-token-for-tests',
  TWILIO_FROM_NUMBER: '+15005550006',
};
const facebook = {
  FACEBOOK_APP_ID: '1234567890',
  FACEBOOK_APP_SECRET: 'facebook-app-secret-for-tests',
  FACEBOOK_VERIFY_TOKEN: 'verify-me',
};

describe('notification preferences and marketplace routes (PGlite)', () => {
  let server: TestServer;
  let user: string;

  beforeAll(async () => {
    server = await startTestServer({ ...facebook, ...twilio, PUBLIC_BASE_URL: 'http://127.0.0.1:3000' });
    user = await server.register('prefs@example.com');
  }, 180_000);
  afterAll(async () => server?.stop());

  const patch = (path: string, json: unknown) =>
    server.request(`/notification-preferences/${path}`, { method: 'PATCH', token: user, json });

  it('updates channels, frequency, quiet hours and addresses, and summarises them', async () => {
    expect((await patch('addresses', { email: 'prefs@example.com', phone: '+14155550123' })).status).toBe(
      200,
    );
    const channels = await patch('channels', { channels: ['email', 'sms'] });
    expect(channels.status).toBe(200);
    expect((await channels.json()).channels).toEqual(['email', 'sms']);
    expect((await (await patch('frequency', { frequency: 'daily_digest' })).json()).frequency).toBe(
      'daily_digest',
    );
    const quiet = await patch('quiet-hours', {
      quietHours: { start: '22:00', end: '07:00' },
      timeZone: 'America/New_York',
    });
    expect(await quiet.json()).toMatchObject({
      quietHours: { start: '22:00', end: '07:00' },
      timeZone: 'America/New_York',
    });

    const summary = await (await server.request('/notification-preferences/summary', { token: user })).json();
    expect(summary).toMatchObject({
      frequency: 'daily_digest',
      timeZone: 'America/New_York',
      quietHours: { start: '22:00', end: '07:00' },
    });
    expect(
      summary.channels
        .filter((c: { active: boolean }) => c.active)
        .map((c: { channel: string }) => c.channel)
        .sort(),
    ).toEqual(['email', 'sms']);
    expect(summary.nextDigestAt).not.toBeNull();
  });

  it('answers invalid preferences with problem+json naming the field', async () => {
    for (const [path, body, field] of [
      ['channels', { channels: ['pigeon'] }, 'channels[0]'],
      ['frequency', { frequency: 'hourly' }, 'frequency'],
      ['quiet-hours', { quietHours: { start: '25:00', end: '07:00' } }, 'quietHours.start'],
      ['quiet-hours', { quietHours: null, timeZone: 'Mars/Olympus' }, 'timeZone'],
      ['addresses', { phone: '555-0123' }, 'phone'],
    ] as const) {
      const response = await patch(path, body);
      expect(response.status, `${path} ${JSON.stringify(body)}`).toBe(400);
      expect((await response.json()).field).toBe(field);
    }
  });

  it('refuses Discord webhook URLs that are not https on Discord’s own hosts', async () => {
    for (const webhookUrl of [
      'http://discord.com/api/webhooks/123456789012345678/token',
      'https://evil.example/api/webhooks/123456789012345678/token',
      'https://discord.com.evil.example/api/webhooks/123456789012345678/token',
      'https://127.0.0.1/api/webhooks/123456789012345678/token',
    ]) {
      const response = await server.request('/notification-preferences/discord-webhook', {
        method: 'POST',
        token: user,
        json: { webhookUrl },
      });
      expect(response.status, webhookUrl).toBe(400);
      expect((await response.json()).code).toBe('VALIDATION_FAILED');
    }
  });

  it('shows the delivery log and unsubscribes with a signed one-click link only', async () => {
    const log = await server.request('/notifications/deliveries', { token: user });
    expect(log.status).toBe(200);
    expect(Array.isArray((await log.json()).items)).toBe(true);
    const forged = await server.request(
      '/unsubscribe?token=eyJ1IjoieCIsImwiOiJkaWdlc3QifQ.forged-signature',
      { method: 'POST' },
    );
    expect(forged.status).toBe(401);
    expect((await forged.json()).code).toBe('SIGNATURE_INVALID');
  });

  it('starts a Facebook connection with a single-use state and lists no accounts yet', async () => {
    const response = await server.request('/facebook/authorize', { method: 'POST', token: user });
    expect(response.status).toBe(200);
    const { authorizationUrl, state } = await response.json();
    const url = new URL(authorizationUrl);
    expect(url.hostname).toBe('www.facebook.com');
    expect(url.searchParams.get('state')).toBe(state);
    expect(url.searchParams.get('redirect_uri')).toBe('http://127.0.0.1:3000/facebook/callback');
    expect(url.searchParams.get('client_id')).toBe(facebook.FACEBOOK_APP_ID);

    const forgedCallback = await server.request('/facebook/callback?code=abc&state=not-the-state');
    expect(forgedCallback.status).toBeGreaterThanOrEqual(400);
    expect(forgedCallback.headers.get('content-type')).toBe('application/problem+json');

    const accounts = await (await server.request('/marketplace-accounts', { token: user })).json();
    expect(accounts.items).toEqual([]);
    const unknown = await server.request('/nowhere/authorize', { method: 'POST', token: user });
    expect(unknown.status).toBe(404);
  });

  it('verifies Facebook webhooks: the hub challenge and the X-Hub-Signature-256', async () => {
    const challenge = await server.request(
      '/webhooks/facebook?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=verify-me',
    );
    expect(challenge.status).toBe(200);
    expect(await challenge.text()).toBe('1158201444');
    const wrongToken = await server.request(
      '/webhooks/facebook?hub.mode=subscribe&hub.challenge=1&hub.verify_token=guess',
    );
    expect(wrongToken.status).toBeGreaterThanOrEqual(400);

    const body = JSON.stringify({ object: 'page', entry: [] });
    const signature = `sha256=${createHmac('sha256', facebook.FACEBOOK_APP_SECRET).update(body).digest('hex')}`;
    const signed = await server.request('/webhooks/facebook', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
    });
    expect(signed.status).toBe(200);
    const forged = await server.request('/webhooks/facebook', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` },
    });
    expect(forged.status).toBe(401);
    expect((await forged.json()).code).toBe('SIGNATURE_INVALID');
  });

  it('cross-posting validates the draft for every target before posting anywhere', async () => {
    const draft = {
      sku: 'LAMP-1',
      title: 'Mid-century brass lamp',
      description: 'Works, minor wear.',
      price: { amount: 4500, currency: 'USD' },
      condition: 'good',
      category: 'household',
      images: ['https://images.example/lamp.jpg'],
    };
    const noTarget = await server.request('/seller/post', { method: 'POST', token: user, json: draft });
    expect(noTarget.status).toBe(400);
    const badDraft = await server.request('/seller/post?marketplace=facebook', {
      method: 'POST',
      token: user,
      json: { ...draft, images: [] },
    });
    expect(badDraft.status).toBe(400);
    expect((await badDraft.json()).field).toBe('images');
    const notConnected = await server.request('/seller/post?marketplace=facebook', {
      method: 'POST',
      token: user,
      json: draft,
    });
    const body = await notConnected.json();
    expect(notConnected.status, JSON.stringify(body)).toBeGreaterThanOrEqual(200);
    if (notConnected.status === 200) {
      expect(body.succeeded).toBe(0);
      expect(body.results[0]).toMatchObject({ marketplace: 'facebook' });
    } else {
      expect(notConnected.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('accepts Twilio status callbacks only with a valid X-Twilio-Signature', async () => {
    const params = {
      MessageSid: `SM${'a'.repeat(32)}`,
      MessageStatus: 'undelivered',
      ErrorCode: '30006',
      To: '+14155550123',
    };
    const publicUrl = 'http://127.0.0.1:3000/webhooks/twilio/status';
    const body = new URLSearchParams(params).toString();
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const signed = await server.request('/webhooks/twilio/status', {
      method: 'POST',
      body,
      headers: {
        ...headers,
        'x-twilio-signature': computeTwilioSignature(twilio.TWILIO_AUTH_TOKEN, publicUrl, params),
      },
    });
    expect(signed.status).toBe(204);
    const stored = await server.composed.scout.storage.state.get(`server.twilio-status.${params.MessageSid}`);
    expect(stored?.value).toMatchObject({
      status: 'undelivered',
      errorCode: 30006,
      failureKind: 'invalid_recipient',
    });
    const forged = await server.request('/webhooks/twilio/status', {
      method: 'POST',
      body,
      headers: { ...headers, 'x-twilio-signature': 'Zm9yZ2Vk' },
    });
    expect(forged.status).toBe(403);
    expect((await forged.json()).code).toBe('SIGNATURE_INVALID');
  });
});
