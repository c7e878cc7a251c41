import { DealScoutError } from '../../errors/deal-scout-error';
import { createId, IdSchema } from '../../shared/ids';
import { parseInput } from '../../shared/parse-input';
import type { ChannelKind } from '../channel-kind';
import type { NotificationPreferences } from '../notification-preferences';
import type { NotificationsDeps } from '../notifications-deps';
import { classifyFailure } from '../outbox/classify-failure';
import { capDay, dailyCount } from '../policy/daily-cap';
import { renderDiscordTestMessage } from '../templates/discord-templates';
import {
  type AddPushSubscriptionInput,
  AddPushSubscriptionInputSchema,
  type RegisterDiscordWebhookInput,
  RegisterDiscordWebhookInputSchema,
  type RemovePushSubscriptionInput,
  RemovePushSubscriptionInputSchema,
  type UpdateAddressesInput,
  UpdateAddressesInputSchema,
  type UpdateCategoryFiltersInput,
  UpdateCategoryFiltersInputSchema,
  type UpdateChannelsInput,
  UpdateChannelsInputSchema,
  type UpdateFrequencyInput,
  UpdateFrequencyInputSchema,
  type UpdateMaxPerDayInput,
  UpdateMaxPerDayInputSchema,
  type UpdateQuietHoursInput,
  UpdateQuietHoursInputSchema,
  type UpdateTimeZoneInput,
  UpdateTimeZoneInputSchema,
  UserRefSchema,
} from './preference-inputs';
import { type NotificationPreferencesSummary, summarizePreferences } from './summarize-preferences';

/** The outcome of the test message sent when a Discord webhook is registered. */
export type DiscordTestResult =
  | { readonly sent: true; readonly providerMessageId: string | null }
  | {
      readonly sent: false;
      readonly reason: 'not_requested' | 'channel_not_configured' | 'transient_failure';
    };

/**
 * `scout.notifications.preferences`: the roadmap's notification-preferences endpoints. Every
 * method validates its input (a `ValidationError` names the field, nothing is written) and
 * returns the stored preferences.
 */
export type NotificationPreferencesApi = {
  /** The user's preferences (defaults when never saved). */
  get(userId: string): Promise<NotificationPreferences>;
  /** GET /notification-preferences/summary. */
  summary(userId: string): Promise<NotificationPreferencesSummary>;
  /** PATCH …/channels. Pending notifications on channels turned off are cancelled. */
  updateChannels(input: UpdateChannelsInput): Promise<NotificationPreferences>;
  /** PATCH …/frequency. */
  updateFrequency(input: UpdateFrequencyInput): Promise<NotificationPreferences>;
  /** PATCH …/quiet-hours (and optionally the time zone). */
  updateQuietHours(input: UpdateQuietHoursInput): Promise<NotificationPreferences>;
  updateTimeZone(input: UpdateTimeZoneInput): Promise<NotificationPreferences>;
  updateCategoryFilters(input: UpdateCategoryFiltersInput): Promise<NotificationPreferences>;
  updateMaxPerDay(input: UpdateMaxPerDayInput): Promise<NotificationPreferences>;
  /** Email and phone number. */
  updateAddresses(input: UpdateAddressesInput): Promise<NotificationPreferences>;
  /**
   * Validates (https, Discord's own hosts, the webhook path; anything else is a
   * `ValidationError` on `webhookUrl`), stores the normalised URL, and sends a test message
   * through the composed Discord channel. If Discord says the webhook does not exist (or the
   * URL is unusable), the webhook is removed again and the `NotificationDeliveryError` is thrown.
   */
  registerDiscordWebhook(
    input: RegisterDiscordWebhookInput,
  ): Promise<{ readonly preferences: NotificationPreferences; readonly test: DiscordTestResult }>;
  removeDiscordWebhook(input: { userId: string }): Promise<NotificationPreferences>;
  addPushSubscription(input: AddPushSubscriptionInput): Promise<NotificationPreferences>;
  removePushSubscription(input: RemovePushSubscriptionInput): Promise<NotificationPreferences>;
};

/** Creates the preferences API over the service's shared parts. */
export function createPreferencesApi(deps: NotificationsDeps): NotificationPreferencesApi {
  const { context } = deps;
  const subject = 'notification preferences';

  const change = async (
    userId: string,
    fields: string[],
    apply: (prefs: NotificationPreferences) => NotificationPreferences,
  ): Promise<NotificationPreferences> => {
    const { before, after } = await deps.preferences.update(userId, apply);
    const dropped = before.channels.filter((channel) => !after.channels.includes(channel));
    for (const channel of dropped) {
      await context.storage.outbox.cancelPending({ userId, channel, now: context.now() });
    }
    context.events.emit('notification.preferences_changed', {
      userId,
      reason: 'user',
      fields,
      channel: null,
    });
    return after;
  };
  const withChannel = (channels: readonly ChannelKind[], channel: ChannelKind, enable: boolean) =>
    enable && !channels.includes(channel) ? [...channels, channel] : [...channels];

  const api: NotificationPreferencesApi = {
    async get(userId) {
      return deps.preferences.get(parseInput(IdSchema, userId, { subject, field: 'userId' }));
    },
    async summary(userId) {
      const id = parseInput(IdSchema, userId, { subject, field: 'userId' });
      const preferences = await deps.preferences.get(id);
      const now = context.clock.now();
      return summarizePreferences(preferences, {
        now,
        composed: new Set(context.channels.keys()),
        sentToday: await dailyCount(context.storage.state, id, capDay(now, preferences.timeZone)),
        digestTime: deps.settings.digestTime,
      });
    },
    async updateChannels(input) {
      const { userId, channels } = parseInput(UpdateChannelsInputSchema, input, { subject });
      return change(userId, ['channels'], (prefs) => ({ ...prefs, channels }));
    },
    async updateFrequency(input) {
      const { userId, frequency } = parseInput(UpdateFrequencyInputSchema, input, { subject });
      return change(userId, ['frequency'], (prefs) => ({ ...prefs, frequency }));
    },
    async updateQuietHours(input) {
      const { userId, quietHours, timeZone } = parseInput(UpdateQuietHoursInputSchema, input, { subject });
      return change(userId, timeZone ? ['quietHours', 'timeZone'] : ['quietHours'], (prefs) => ({
        ...prefs,
        quietHours,
        timeZone: timeZone ?? prefs.timeZone,
      }));
    },
    async updateTimeZone(input) {
      const { userId, timeZone } = parseInput(UpdateTimeZoneInputSchema, input, { subject });
      return change(userId, ['timeZone'], (prefs) => ({ ...prefs, timeZone }));
    },
    async updateCategoryFilters(input) {
      const { userId, categoryFilters } = parseInput(UpdateCategoryFiltersInputSchema, input, { subject });
      return change(userId, ['categoryFilters'], (prefs) => ({
        ...prefs,
        categoryFilters: [...new Set(categoryFilters)],
      }));
    },
    async updateMaxPerDay(input) {
      const { userId, maxNotificationsPerDay } = parseInput(UpdateMaxPerDayInputSchema, input, { subject });
      return change(userId, ['maxNotificationsPerDay'], (prefs) => ({ ...prefs, maxNotificationsPerDay }));
    },
    async updateAddresses(input) {
      const parsed = parseInput(UpdateAddressesInputSchema, input, { subject });
      const fields = (['email', 'phone'] as const)
        .filter((key) => parsed[key] !== undefined)
        .map((key) => `addresses.${key}`);
      return change(parsed.userId, fields, (prefs) => {
        const addresses = { ...prefs.addresses };
        if (parsed.email !== undefined) {
          if (parsed.email === null) delete addresses.email;
          else if (parsed.email !== addresses.email) addresses.email = parsed.email;
          delete addresses.emailInvalid;
        }
        if (parsed.phone !== undefined) {
          if (parsed.phone === null) delete addresses.phone;
          else if (parsed.phone !== addresses.phone) addresses.phone = parsed.phone;
          delete addresses.phoneInvalid;
        }
        return { ...prefs, addresses };
      });
    },
    async registerDiscordWebhook(input) {
      const parsed = parseInput(RegisterDiscordWebhookInputSchema, input, { subject });
      const { userId, webhookUrl } = parsed;
      const preferences = await change(userId, ['addresses.discordWebhookUrl'], (prefs) => ({
        ...prefs,
        channels: withChannel(prefs.channels, 'discord', parsed.enable),
        addresses: { ...prefs.addresses, discordWebhookUrl: webhookUrl },
      }));
      if (!parsed.sendTest) return { preferences, test: { sent: false, reason: 'not_requested' } };
      const channel = context.channels.get('discord');
      if (!channel) return { preferences, test: { sent: false, reason: 'channel_not_configured' } };
      const discord = renderDiscordTestMessage({ appName: deps.settings.appName });
      try {
        const result = await channel.doSend(
          { recipient: { kind: 'discord', webhookUrl }, text: discord.content ?? '', discord },
          { idempotencyKey: createId('discord-test') },
        );
        return { preferences, test: { sent: true, providerMessageId: result.providerMessageId } };
      } catch (thrown) {
        const failure = classifyFailure(thrown, channel.providerId);
        if (failure.kind === 'transient')
          return { preferences, test: { sent: false, reason: 'transient_failure' } };
        await api.removeDiscordWebhook({ userId });
        throw DealScoutError.isInstance(thrown) ? thrown : failure.error;
      }
    },
    async removeDiscordWebhook(input) {
      const { userId } = parseInput(UserRefSchema, input, { subject });
      await context.storage.outbox.cancelPending({ userId, channel: 'discord', now: context.now() });
      return change(userId, ['addresses.discordWebhookUrl'], (prefs) => {
        const { discordWebhookUrl: _removed, ...addresses } = prefs.addresses;
        return { ...prefs, addresses };
      });
    },
    async addPushSubscription(input) {
      const { userId, subscription, enable } = parseInput(AddPushSubscriptionInputSchema, input, { subject });
      return change(userId, ['addresses.pushSubscriptions'], (prefs) => {
        const others = prefs.addresses.pushSubscriptions.filter(
          (sub) => sub.endpoint !== subscription.endpoint,
        );
        // The newest devices win when the 20-subscription limit is reached.
        const pushSubscriptions = [...others, subscription].slice(-20);
        return {
          ...prefs,
          channels: withChannel(prefs.channels, 'push', enable),
          addresses: { ...prefs.addresses, pushSubscriptions },
        };
      });
    },
    async removePushSubscription(input) {
      const { userId, endpoint } = parseInput(RemovePushSubscriptionInputSchema, input, { subject });
      return change(userId, ['addresses.pushSubscriptions'], (prefs) => ({
        ...prefs,
        addresses: {
          ...prefs.addresses,
          pushSubscriptions: prefs.addresses.pushSubscriptions.filter((sub) => sub.endpoint !== endpoint),
        },
      }));
    },
  };
  return api;
}
