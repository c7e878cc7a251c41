import type { DealAlertRule } from '../../rules/deal-alert-rule';
import type { ChannelKind } from '../channel-kind';
import { isDiscordWebhookUrl } from '../discord-webhook-url';
import type { NotificationPreferences } from '../notification-preferences';

/** Why a channel was left out. */
export type ChannelSkipReason = 'not_chosen' | 'no_address' | 'address_invalid' | 'not_configured';

/** Whether the user has a usable address on a channel (and why not). */
export function channelAddressState(
  preferences: NotificationPreferences,
  channel: ChannelKind,
): 'ok' | 'no_address' | 'address_invalid' {
  const { addresses } = preferences;
  switch (channel) {
    case 'email':
      if (!addresses.email) return 'no_address';
      return addresses.emailInvalid ? 'address_invalid' : 'ok';
    case 'sms':
      if (!addresses.phone) return 'no_address';
      return addresses.phoneInvalid ? 'address_invalid' : 'ok';
    case 'discord':
      if (!addresses.discordWebhookUrl) return 'no_address';
      return isDiscordWebhookUrl(addresses.discordWebhookUrl) ? 'ok' : 'address_invalid';
    case 'push':
      return addresses.pushSubscriptions.length > 0 ? 'ok' : 'no_address';
  }
}

/**
 * Rule: channels. An alert goes only to channels the user chose in preferences. A rule's
 * `notificationChannels`, when set, narrows that choice (intersection) and never widens it: the
 * user's preferences are their consent (an SMS opt-out must hold whatever a rule says). A chosen
 * channel is used only when the user has a valid address on it and the host composed a channel
 * for it.
 */
export function selectChannels(
  preferences: NotificationPreferences,
  rule: Pick<DealAlertRule, 'notificationChannels'> | null,
  composed: ReadonlySet<ChannelKind>,
): {
  readonly channels: ChannelKind[];
  readonly skipped: Array<{ channel: ChannelKind; reason: ChannelSkipReason }>;
} {
  const chosen = new Set(preferences.channels);
  const wanted =
    rule && rule.notificationChannels.length > 0 ? rule.notificationChannels : preferences.channels;
  const channels: ChannelKind[] = [];
  const skipped: Array<{ channel: ChannelKind; reason: ChannelSkipReason }> = [];
  for (const channel of new Set(wanted)) {
    const address = channelAddressState(preferences, channel);
    if (!chosen.has(channel)) skipped.push({ channel, reason: 'not_chosen' });
    else if (address !== 'ok') skipped.push({ channel, reason: address });
    else if (!composed.has(channel)) skipped.push({ channel, reason: 'not_configured' });
    else channels.push(channel);
  }
  return { channels, skipped };
}
