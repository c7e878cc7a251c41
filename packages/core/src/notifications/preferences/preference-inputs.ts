import { z } from 'zod';
import { CategoryIdSchema } from '../../listing/categories';
import { IdSchema } from '../../shared/ids';
import { ChannelKindSchema } from '../channel-kind';
import { DiscordWebhookUrlSchema } from '../discord-webhook-url';
import {
  NotificationFrequencySchema,
  PhoneNumberSchema,
  PushSubscriptionSchema,
  QuietHoursSchema,
  TimeZoneSchema,
} from '../notification-preferences';

/** `{ userId }`. */
export const UserRefSchema = z.object({ userId: IdSchema });

/** PATCH /notification-preferences/channels: which channels to use (several allowed, none = off). */
export const UpdateChannelsInputSchema = z.object({
  userId: IdSchema,
  channels: z
    .array(ChannelKindSchema)
    .max(4)
    .refine((list) => new Set(list).size === list.length, 'must not repeat a channel'),
});

/** PATCH /notification-preferences/frequency. */
export const UpdateFrequencyInputSchema = z.object({
  userId: IdSchema,
  frequency: NotificationFrequencySchema,
});

/** PATCH /notification-preferences/quiet-hours: `null` turns quiet hours off; the zone may change too. */
export const UpdateQuietHoursInputSchema = z.object({
  userId: IdSchema,
  quietHours: QuietHoursSchema.nullable(),
  timeZone: TimeZoneSchema.optional(),
});

/** The user's IANA time zone (quiet hours, digests and the daily cap follow it). */
export const UpdateTimeZoneInputSchema = z.object({ userId: IdSchema, timeZone: TimeZoneSchema });

/** Category filters; empty means every category. */
export const UpdateCategoryFiltersInputSchema = z.object({
  userId: IdSchema,
  categoryFilters: z.array(CategoryIdSchema).max(50),
});

/** The daily cap; `null` removes it. */
export const UpdateMaxPerDayInputSchema = z.object({
  userId: IdSchema,
  maxNotificationsPerDay: z.number().int().min(1).max(1000).nullable(),
});

/** Email and phone; `null` removes one, absent leaves it. A changed address is no longer marked invalid. */
export const UpdateAddressesInputSchema = z.object({
  userId: IdSchema,
  email: z.email().max(320).nullable().optional(),
  phone: PhoneNumberSchema.nullable().optional(),
});

/** Registers a Discord webhook (validated strictly; see `parseDiscordWebhookUrl`). */
export const RegisterDiscordWebhookInputSchema = z.object({
  userId: IdSchema,
  webhookUrl: DiscordWebhookUrlSchema,
  /** Add `discord` to the user's channels (default true). */
  enable: z.boolean().default(true),
  /** Send a test message now (default true). */
  sendTest: z.boolean().default(true),
});

/** Adds (or refreshes, by endpoint) a Web Push subscription. */
export const AddPushSubscriptionInputSchema = z.object({
  userId: IdSchema,
  subscription: PushSubscriptionSchema,
  /** Add `push` to the user's channels (default true). */
  enable: z.boolean().default(true),
});

/** Removes a Web Push subscription by endpoint. */
export const RemovePushSubscriptionInputSchema = z.object({
  userId: IdSchema,
  endpoint: z.string().min(1).max(2048),
});

export type UpdateChannelsInput = z.input<typeof UpdateChannelsInputSchema>;
export type UpdateFrequencyInput = z.input<typeof UpdateFrequencyInputSchema>;
export type UpdateQuietHoursInput = z.input<typeof UpdateQuietHoursInputSchema>;
export type UpdateTimeZoneInput = z.input<typeof UpdateTimeZoneInputSchema>;
export type UpdateCategoryFiltersInput = z.input<typeof UpdateCategoryFiltersInputSchema>;
export type UpdateMaxPerDayInput = z.input<typeof UpdateMaxPerDayInputSchema>;
export type UpdateAddressesInput = z.input<typeof UpdateAddressesInputSchema>;
export type RegisterDiscordWebhookInput = z.input<typeof RegisterDiscordWebhookInputSchema>;
export type AddPushSubscriptionInput = z.input<typeof AddPushSubscriptionInputSchema>;
export type RemovePushSubscriptionInput = z.input<typeof RemovePushSubscriptionInputSchema>;
