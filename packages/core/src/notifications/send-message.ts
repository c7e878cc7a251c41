import { z } from 'zod';
import { createId, IdSchema } from '../shared/ids';
import { parseInput } from '../shared/parse-input';
import { ChannelKindSchema } from './channel-kind';
import type { NotificationsDeps } from './notifications-deps';
import type { OutboxPayload } from './outbox/outbox-payload';
import { quietHoursRelease } from './policy/quiet-hours';
import { renderOrderStatusSms, renderVerificationCodeSms } from './templates/sms-templates';

/** A transactional message (not a deal alert): an order status update or a one-time code. */
export const SendMessageInputSchema = z.object({
  userId: IdSchema,
  channel: ChannelKindSchema.default('sms'),
  /** The host's key for this message: sending the same key twice delivers once. */
  idempotencyKey: z.string().min(1).max(200),
  message: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('order_status'),
      orderId: z.string().min(1).max(100),
      itemTitle: z.string().min(1).max(300),
      status: z.string().min(1).max(60),
      url: z.url().max(2048).nullable().optional(),
    }),
    z.object({
      kind: z.literal('verification_code'),
      code: z.string().regex(/^[A-Za-z0-9]{4,10}$/, 'must be 4-10 letters or digits'),
      expiresInMinutes: z.number().int().min(1).max(1440).default(10),
    }),
  ]),
  /** Send during quiet hours (default: true for verification codes, false otherwise). */
  critical: z.boolean().optional(),
});
export type SendMessageInput = z.input<typeof SendMessageInputSchema>;

/**
 * Writes a transactional message to the outbox (the dispatcher sends it like any other). It goes
 * to the channel's address even when the user has not chosen that channel for deal alerts, since
 * the user asked for it (a code, an order they placed); quiet hours apply unless `critical`.
 * Returns the outbox entry id, or `null` when the key was used before.
 */
export async function sendMessage(deps: NotificationsDeps, input: SendMessageInput): Promise<string | null> {
  const parsed = parseInput(SendMessageInputSchema, input, { subject: 'message' });
  const { context } = deps;
  const app = { appName: deps.settings.appName };
  const text =
    parsed.message.kind === 'verification_code'
      ? renderVerificationCodeSms(parsed.message, app)
      : renderOrderStatusSms(parsed.message, app);
  const critical = parsed.critical ?? parsed.message.kind === 'verification_code';
  const preferences = await deps.preferences.get(parsed.userId);
  const now = context.clock.now();
  const { deliverAt } = quietHoursRelease(now, preferences, critical);
  const subject =
    parsed.message.kind === 'verification_code'
      ? `${deps.settings.appName} verification code`
      : `${deps.settings.appName} order update`;
  const endpoint =
    parsed.channel === 'push' ? preferences.addresses.pushSubscriptions.at(-1)?.endpoint : undefined;
  const payload: OutboxPayload = {
    kind: 'message',
    message: {
      subject,
      text,
      ...(parsed.channel === 'push'
        ? { push: { title: subject, body: text, tag: parsed.idempotencyKey } }
        : {}),
    },
    critical,
    ...(endpoint ? { pushEndpoint: endpoint } : {}),
  };
  const [entry] = await context.storage.outbox.enqueueMany(
    [
      {
        id: createId('ntf'),
        dedupeKey: `message:${parsed.userId}:${parsed.idempotencyKey}`,
        userId: parsed.userId,
        channel: parsed.channel,
        payload,
        availableAt: deliverAt.toISOString(),
      },
    ],
    { now: now.toISOString() },
  );
  if (!entry) return null;
  context.events.emit('notification.enqueued', {
    id: entry.id,
    userId: entry.userId,
    channel: entry.channel,
    kind: 'message',
    availableAt: entry.availableAt,
    deferred: entry.availableAt > now.toISOString(),
  });
  return entry.id;
}
