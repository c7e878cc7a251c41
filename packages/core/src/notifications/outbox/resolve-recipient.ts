import type { ChannelRecipientV1 } from '../../channel/v1/notification-channel-v1';
import type { ChannelKind } from '../channel-kind';
import { isDiscordWebhookUrl, parseDiscordWebhookUrl } from '../discord-webhook-url';
import type { NotificationPreferences } from '../notification-preferences';
import type { OutboxPayload } from './outbox-payload';

/**
 * The recipient of an outbox entry, from the user's preferences as they are now (not when the
 * entry was written): a number marked invalid, a removed webhook or push subscription yields
 * `null`. A Discord URL is re-validated strictly here too, so preferences written to storage
 * by other means can never point the SDK at another host.
 */
export function resolveRecipient(
  channel: ChannelKind,
  preferences: NotificationPreferences,
  payload: Pick<OutboxPayload, 'pushEndpoint'>,
): ChannelRecipientV1 | null {
  const { addresses } = preferences;
  switch (channel) {
    case 'email':
      return addresses.email && !addresses.emailInvalid ? { kind: 'email', email: addresses.email } : null;
    case 'sms':
      return addresses.phone && !addresses.phoneInvalid ? { kind: 'sms', phone: addresses.phone } : null;
    case 'discord': {
      const url = addresses.discordWebhookUrl;
      return url && isDiscordWebhookUrl(url)
        ? { kind: 'discord', webhookUrl: parseDiscordWebhookUrl(url).url }
        : null;
    }
    case 'push': {
      const subscription = addresses.pushSubscriptions.find((sub) => sub.endpoint === payload.pushEndpoint);
      return subscription ? { kind: 'push', subscription } : null;
    }
  }
}
