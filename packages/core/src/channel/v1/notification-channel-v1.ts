import type { ChannelKind } from '../../notifications/channel-kind';
import type { PushSubscription } from '../../notifications/notification-preferences';

/** Where a message goes; the variant matches the channel kind. */
export type ChannelRecipientV1 =
  | { readonly kind: 'email'; readonly email: string; readonly name?: string }
  | { readonly kind: 'sms'; readonly phone: string }
  | { readonly kind: 'discord'; readonly webhookUrl: string }
  | { readonly kind: 'push'; readonly subscription: PushSubscription };

/** A rendered message. Channels use the parts they support and ignore the rest. */
export type ChannelMessageV1 = {
  readonly recipient: ChannelRecipientV1;
  /** Email subject or push title. */
  readonly subject?: string;
  /** Plain text: the SMS body, email text part, push body, Discord `content`. */
  readonly text: string;
  /** Email HTML part (already inlined and escaped). */
  readonly html?: string;
  /** Extra email headers (`List-Unsubscribe`, `List-Unsubscribe-Post`). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Discord execute-webhook JSON fields (`embeds`, `allowed_mentions`, `username`). */
  readonly discord?: Readonly<Record<string, unknown>>;
  /** Web push payload fields (`url`, `icon`, `tag`). */
  readonly push?: Readonly<Record<string, unknown>>;
  /** Vendor-specific options, namespaced by provider id. */
  readonly channelOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
};

/** Delivery limits the dispatcher enforces for this channel. */
export type ChannelLimitsV1 = {
  /** Sends in flight at once. */
  readonly concurrency: number;
  /** Sends allowed per `intervalMs`. */
  readonly intervalCap: number;
  readonly intervalMs: number;
};

/** What a channel can promise. */
export type ChannelCapabilitiesV1 = {
  /**
   * The provider deduplicates sends by `idempotencyKey`, so a crash after a send but before it was
   * recorded does not lead to a second message when retried.
   */
  readonly idempotentSends: boolean;
  readonly html: boolean;
  readonly images: boolean;
};

/**
 * A notification channel, version 1. `doSend` delivers one message or throws
 * `NotificationDeliveryError` whose `kind` tells the dispatcher what to do (retry, turn the channel
 * off, delete the endpoint). The dispatcher, not the channel, handles queues, rate limits and
 * retries.
 */
export type NotificationChannelV1 = {
  readonly specificationVersion: 'v1';
  /** Which user-facing channel this delivers (`sms`). */
  readonly channel: ChannelKind;
  /** Provider id (`twilio`); prefixes errors. */
  readonly providerId: string;
  readonly capabilities: ChannelCapabilitiesV1;
  readonly limits: ChannelLimitsV1;
  doSend(
    message: ChannelMessageV1,
    options: { readonly idempotencyKey: string; readonly signal?: AbortSignal },
  ): PromiseLike<{ readonly providerMessageId: string | null }>;
};
