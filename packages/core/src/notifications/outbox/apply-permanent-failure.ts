import type { ChannelRecipientV1 } from '../../channel/v1/notification-channel-v1';
import type { DeliveryFailureKind } from '../../errors/notification-delivery-error';
import type { ChannelKind } from '../channel-kind';
import type { NotificationPreferences } from '../notification-preferences';
import type { NotificationsDeps } from '../notifications-deps';

type Change = {
  readonly reason: 'recipient_opted_out' | 'endpoint_gone' | 'invalid_recipient';
  readonly fields: string[];
  /** Whether pending notifications on the channel can no longer be delivered. */
  readonly cancelPending: boolean;
  readonly apply: (preferences: NotificationPreferences) => NotificationPreferences | null;
};

/** Applies `apply` only while the address that failed is still the one stored. */
function whileCurrent(
  recipient: ChannelRecipientV1,
  apply: (preferences: NotificationPreferences) => NotificationPreferences | null,
): (preferences: NotificationPreferences) => NotificationPreferences | null {
  return (preferences) => {
    const { addresses } = preferences;
    const current =
      (recipient.kind === 'sms' && addresses.phone === recipient.phone) ||
      (recipient.kind === 'email' && addresses.email === recipient.email) ||
      (recipient.kind === 'discord' && addresses.discordWebhookUrl !== undefined) ||
      (recipient.kind === 'push' &&
        addresses.pushSubscriptions.some((sub) => sub.endpoint === recipient.subscription.endpoint));
    return current ? apply(preferences) : null;
  };
}

function changeFor(
  kind: DeliveryFailureKind,
  channel: ChannelKind,
  recipient: ChannelRecipientV1,
): Change | null {
  const removeAddress = (reason: Change['reason']): Change => {
    if (recipient.kind === 'push') {
      const endpoint = recipient.subscription.endpoint;
      return {
        reason,
        fields: ['addresses.pushSubscriptions'],
        cancelPending: false,
        apply: whileCurrent(recipient, (prefs) => ({
          ...prefs,
          addresses: {
            ...prefs.addresses,
            pushSubscriptions: prefs.addresses.pushSubscriptions.filter((sub) => sub.endpoint !== endpoint),
          },
        })),
      };
    }
    if (recipient.kind === 'discord') {
      return {
        reason,
        fields: ['addresses.discordWebhookUrl'],
        cancelPending: true,
        apply: whileCurrent(recipient, (prefs) => {
          const { discordWebhookUrl: _removed, ...addresses } = prefs.addresses;
          return { ...prefs, addresses };
        }),
      };
    }
    const flag = recipient.kind === 'sms' ? 'phoneInvalid' : 'emailInvalid';
    return {
      reason,
      fields: [`addresses.${flag}`],
      cancelPending: true,
      apply: whileCurrent(recipient, (prefs) =>
        // Already marked: nothing changes, and no second event says it did.
        prefs.addresses[flag] ? null : { ...prefs, addresses: { ...prefs.addresses, [flag]: true } },
      ),
    };
  };
  switch (kind) {
    case 'recipient_opted_out':
      // The recipient said STOP: the channel is off until they choose it again.
      return {
        reason: 'recipient_opted_out',
        fields: ['channels'],
        cancelPending: true,
        apply: (prefs) =>
          prefs.channels.includes(channel)
            ? { ...prefs, channels: prefs.channels.filter((each) => each !== channel) }
            : null,
      };
    case 'endpoint_gone':
      return removeAddress('endpoint_gone');
    case 'invalid_recipient':
      return removeAddress('invalid_recipient');
    default:
      return null;
  }
}

/**
 * What a permanent failure changes: `recipient_opted_out` (Twilio 21610) turns the channel off
 * for the user; `endpoint_gone` removes the Discord webhook (404) or the push subscription
 * (404/410); `invalid_recipient` marks a phone number or email address invalid (or removes a
 * webhook or subscription). Pending notifications that can no longer be delivered are
 * cancelled, and a `notification.preferences_changed` event reports the change. An address the
 * user has replaced since the failed send is left alone. Returns whether anything changed.
 */
export async function applyPermanentFailure(
  deps: NotificationsDeps,
  failure: {
    readonly kind: DeliveryFailureKind;
    readonly userId: string;
    readonly channel: ChannelKind;
    readonly recipient: ChannelRecipientV1;
  },
): Promise<boolean> {
  const change = changeFor(failure.kind, failure.channel, failure.recipient);
  if (!change) return false;
  const { context } = deps;
  const { before, after } = await deps.preferences.update(failure.userId, change.apply);
  if (before === after) return false;
  if (change.cancelPending) {
    await context.storage.outbox.cancelPending({
      userId: failure.userId,
      channel: failure.channel,
      now: context.now(),
    });
  }
  context.events.emit('notification.preferences_changed', {
    userId: failure.userId,
    reason: change.reason,
    fields: change.fields,
    channel: failure.channel,
  });
  return true;
}
