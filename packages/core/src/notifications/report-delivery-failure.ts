import { z } from 'zod';
import type { ChannelRecipientV1 } from '../channel/v1/notification-channel-v1';
import type { DeliveryFailureKind } from '../errors/notification-delivery-error';
import { parseInput } from '../shared/parse-input';
import { type ChannelKind, ChannelKindSchema } from './channel-kind';
import { PushSubscriptionSchema } from './notification-preferences';
import type { NotificationsDeps } from './notifications-deps';
import { applyPermanentFailure } from './outbox/apply-permanent-failure';

/** A failure the provider reported after it had accepted a message. */
export type ReportedDeliveryFailure = {
  readonly userId: string;
  readonly channel: ChannelKind;
  /** The address the message went to (a Twilio status callback's `To`). */
  readonly recipient: ChannelRecipientV1;
  readonly kind: DeliveryFailureKind;
};

const RecipientSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('email'),
    email: z.string().min(1).max(320),
    name: z.string().max(200).optional(),
  }),
  z.object({ kind: z.literal('sms'), phone: z.string().min(1).max(32) }),
  z.object({ kind: z.literal('discord'), webhookUrl: z.string().min(1).max(2048) }),
  z.object({ kind: z.literal('push'), subscription: PushSubscriptionSchema }),
]);

const ReportedDeliveryFailureSchema = z
  .object({
    userId: z.string().min(1).max(200),
    channel: ChannelKindSchema,
    recipient: RecipientSchema,
    kind: z.enum(['transient', 'recipient_opted_out', 'invalid_recipient', 'endpoint_gone', 'rejected']),
  })
  .refine((failure) => failure.recipient.kind === failure.channel, {
    message: 'must be an address of the channel',
    path: ['recipient', 'kind'],
  });

/**
 * Applies a failure that arrives after the send, as a failed send would: `recipient_opted_out`
 * turns the channel off, `invalid_recipient` marks the phone number or email address invalid (or
 * removes a webhook or push subscription), `endpoint_gone` removes it; pending notifications that
 * can no longer be delivered are cancelled and `notification.preferences_changed` reports it.
 * `transient` and `rejected` change nothing. An address the user has replaced since is left alone.
 * Returns whether the preferences changed.
 */
export async function reportDeliveryFailure(
  deps: NotificationsDeps,
  failure: ReportedDeliveryFailure,
): Promise<boolean> {
  const parsed = parseInput(ReportedDeliveryFailureSchema, failure, { subject: 'delivery failure' });
  return applyPermanentFailure(deps, parsed as ReportedDeliveryFailure);
}
