import { ConfigurationError, NotificationDeliveryError } from '@deal-scout/core';
import { errorText } from '@deal-scout/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefused } from '../test/expect-refused';
import { makeSubscription, startPushTestServer } from '../test/push-test-server';
import { createWebPushChannel, generateVapidKeys } from './create-web-push-channel';

const audience = 'https://push.example.test';
const vapid = generateVapidKeys();
const subject = 'mailto:alerts@deals.example';

let push: Awaited<ReturnType<typeof startPushTestServer>>;
beforeAll(async () => {
  push = await startPushTestServer({ audience });
});
afterAll(async () => {
  await push.close();
});

function channel(overrides: Parameters<typeof createWebPushChannel>[0] = {}) {
  return createWebPushChannel({
    vapidSubject: subject,
    vapidPublicKey: vapid.publicKey,
    vapidPrivateKey: vapid.privateKey,
    fetch: push.fetch,
    env: {},
    ...overrides,
  });
}

let counter = 0;
function message(path = `/wpush/v2/sub-${++counter}`, extra: Record<string, unknown> = {}) {
  return {
    path,
    value: {
      recipient: { kind: 'push' as const, subscription: makeSubscription(`${audience}${path}`) },
      subject: 'Gaming PC for $420',
      text: 'Market $610 · deal score 87',
      push: { url: 'https://deals.example/l/1', icon: 'https://img.example/pc.jpg', tag: 'alert-1' },
      ...extra,
    },
  };
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

describe('createWebPushChannel against a local push endpoint', () => {
  it('posts an aes128gcm message with a VAPID JWT for the endpoint origin, TTL, Urgency and Topic', async () => {
    const { path, value } = message();
    const result = await channel().doSend(value, { idempotencyKey: 'alert:u1:r1:l1:push' });

    const request = push.requests.find((seen) => seen.path === path);
    expect(request?.problems).toEqual([]);
    expect(request?.vapidKey).toBe(vapid.publicKey);
    expect(request?.jwt?.claims).toMatchObject({ aud: audience, sub: subject });
    expect(request?.headers.ttl).toBe('86400');
    expect(request?.headers.urgency).toBe('normal');
    expect(request?.headers.topic).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(request?.bodyBytes).toBeGreaterThan(86);
    expect(result.providerMessageId).toMatch(new RegExp(`^${audience}/m/\\d+$`));
  });

  it('the same idempotency key gets the same Topic, so a queued duplicate is replaced', async () => {
    const first = message();
    const second = message();
    await channel().doSend(first.value, { idempotencyKey: 'same-key' });
    await channel().doSend(second.value, { idempotencyKey: 'same-key' });
    const third = message();
    await channel().doSend(third.value, { idempotencyKey: 'other-key' });
    const topic = (path: string) => push.requests.find((seen) => seen.path === path)?.headers.topic;
    expect(topic(first.path)).toBe(topic(second.path));
    expect(topic(third.path)).not.toBe(topic(first.path));
  });

  it('honours settings and per-message TTL and urgency', async () => {
    const a = message();
    await channel({ ttlSeconds: 600, urgency: 'high' }).doSend(a.value, { idempotencyKey: 'a' });
    const b = message(undefined, { channelOptions: { 'web-push': { ttlSeconds: 30, urgency: 'low' } } });
    await channel().doSend(b.value, { idempotencyKey: 'b' });
    const seen = (path: string) => push.requests.find((request) => request.path === path)?.headers;
    expect(seen(a.path)).toMatchObject({ ttl: '600', urgency: 'high' });
    expect(seen(b.path)).toMatchObject({ ttl: '30', urgency: 'low' });
  });

  it('the endpoint really checks: a message signed with another key is refused', async () => {
    const other = generateVapidKeys();
    const { path, value } = message();
    // The JWT is signed with other.privateKey but claims vapid.publicKey in k=.
    const error = await sendError(
      channel({ vapidPrivateKey: other.privateKey }).doSend(value, { idempotencyKey: 'k' }),
    );
    expect(push.requests.find((seen) => seen.path === path)?.problems).toContain(
      'JWT signature does not verify against k',
    );
    expect(error.kind).toBe('rejected');
    expect(errorText(error)).not.toContain(other.privateKey);
  });
});

describe('createWebPushChannel status handling', () => {
  it.each([
    [404, 'endpoint_gone'],
    [410, 'endpoint_gone'],
    [413, 'rejected'],
    [400, 'rejected'],
    [401, 'rejected'],
    [403, 'rejected'],
    [500, 'transient'],
    [503, 'transient'],
  ] as const)('HTTP %i → %s', async (status, kind) => {
    const { path, value } = message();
    push.reply(path, { status, body: `push service says ${status}` });
    const error = await sendError(channel().doSend(value, { idempotencyKey: 'k' }));
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.isRetryable).toBe(kind === 'transient');
    expect(error.message).toContain('push.example.test');
    expect(error.message).not.toContain(path);
    expect(errorText(error)).not.toContain(vapid.privateKey);
  });

  it('429 is transient with the Retry-After delay', async () => {
    const { path, value } = message();
    push.reply(path, { status: 429, headers: { 'retry-after': '120' } });
    const error = await sendError(channel().doSend(value, { idempotencyKey: 'k' }));
    expect(error).toMatchObject({ kind: 'transient', retryAfterMs: 120_000 });
  });

  it('an unreachable push service is transient', async () => {
    const unreachable: typeof fetch = async () => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      });
    };
    const error = await sendError(
      channel({ fetch: unreachable }).doSend(message().value, { idempotencyKey: 'k' }),
    );
    expect(error.kind).toBe('transient');
    expect(errorText(error)).not.toContain(vapid.privateKey);
  });

  it('a subscription whose keys cannot be encrypted to is an invalid recipient, before any request', async () => {
    const { path, value } = message();
    const broken = {
      ...value,
      recipient: {
        kind: 'push' as const,
        subscription: { ...value.recipient.subscription, keys: { p256dh: 'AAAA', auth: 'BBBB' } },
      },
    };
    const error = await sendError(channel().doSend(broken, { idempotencyKey: 'k' }));
    expect(error.kind).toBe('invalid_recipient');
    expect(errorText(error)).not.toContain(vapid.privateKey);
    expect(push.requests.some((seen) => seen.path === path)).toBe(false);
  });

  it('a push service that does not answer in time is transient', async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    const error = await sendError(
      channel({ fetch: hanging, timeoutMs: 50 }).doSend(message().value, { idempotencyKey: 'k' }),
    );
    expect(error.kind).toBe('transient');
    expect(error.message).toMatch(/in time/);
  });
});

describe('createWebPushChannel inputs and settings', () => {
  it.each([
    [
      'an http endpoint',
      { recipient: { kind: 'push', subscription: makeSubscription('http://push.example.test/x') } },
      'recipient.subscription.endpoint',
    ],
    ['an email recipient', { recipient: { kind: 'email', email: 'a@b.co' } }, 'recipient.kind'],
    ['a payload over 3993 bytes', { push: { data: 'x'.repeat(4000) } }, 'push'],
    [
      'a bad urgency',
      { channelOptions: { 'web-push': { urgency: 'urgent' } } },
      "channelOptions['web-push'].urgency",
    ],
    ['a non-URL click target', { push: { url: 'javascript:alert(1)' } }, 'push.url'],
  ])('refuses %s before any request', async (_label, changes, field) => {
    const { path, value } = message();
    const error = await channel()
      .doSend({ ...value, ...changes } as Parameters<ReturnType<typeof channel>['doSend']>[0], {
        idempotencyKey: 'k',
      })
      .then(
        () => null,
        (caught: unknown) => caught,
      );
    expectRefused(error, field);
    expect(push.requests.some((seen) => seen.path === path)).toBe(false);
  });

  it('reads VAPID settings from the environment and refuses bad ones without echoing the key', async () => {
    const fromEnv = createWebPushChannel({
      fetch: push.fetch,
      env: { VAPID_SUBJECT: subject, VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey },
    });
    await expect(fromEnv.doSend(message().value, { idempotencyKey: 'k' })).resolves.toHaveProperty(
      'providerMessageId',
    );
    expect(() => createWebPushChannel({ env: {} })).toThrow(/VAPID_SUBJECT/);
    const badKey = `${vapid.privateKey}AAAA`;
    try {
      channel({ vapidPrivateKey: badKey });
      throw new Error('expected a ConfigurationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as Error).message).toMatch(/vapidPrivateKey/);
      expect(errorText(error)).not.toContain(badKey);
    }
    expect(() => channel({ vapidSubject: 'https://' })).toThrow(ConfigurationError);
  });

  it('declares its limits and capabilities', () => {
    expect(channel().limits).toEqual({ concurrency: 10, intervalCap: 50, intervalMs: 1000 });
    expect(channel().capabilities).toEqual({ idempotentSends: false, html: false, images: true });
    expect(channel().channel).toBe('push');
  });
});
