import { runChannelConformance } from '@deal-scout/testkit';
import { afterAll, beforeAll } from 'vitest';
import { makeSubscription, startPushTestServer } from '../test/push-test-server';
import { createWebPushChannel, generateVapidKeys } from './create-web-push-channel';

const audience = 'https://push.example.test';
const path = '/wpush/v2/conformance';
const vapid = generateVapidKeys();
const subscription = makeSubscription(`${audience}${path}`);
let push: Awaited<ReturnType<typeof startPushTestServer>>;
let firstUnseen = 0;

beforeAll(async () => {
  push = await startPushTestServer({ audience });
});
afterAll(async () => {
  await push.close();
});

runChannelConformance({
  name: 'web-push (local push endpoint)',
  create: () => {
    push.resetReplies();
    firstUnseen = push.requests.length;
    return {
      subject: createWebPushChannel({
        vapidSubject: 'mailto:alerts@deals.example',
        vapidPublicKey: vapid.publicKey,
        vapidPrivateKey: vapid.privateKey,
        fetch: push.fetch,
        env: {},
      }),
    };
  },
  recipient: { kind: 'push', subscription },
  // The endpoint decrypts nothing, so only accepted, well-formed requests count as deliveries.
  inspect: () =>
    push.requests
      .slice(firstUnseen)
      .filter((request) => request.problems.length === 0 && request.status < 300)
      .map((request) => ({ to: `${audience}${request.path}` })),
  failures: {
    endpoint_gone: () =>
      push.reply(path, { status: 410, body: 'push subscription has unsubscribed or expired' }),
    transient: () => push.reply(path, { status: 503, headers: { 'retry-after': '30' } }),
    rejected: () => push.reply(path, { status: 413, body: 'payload too large' }),
  },
  secrets: [vapid.privateKey],
});
