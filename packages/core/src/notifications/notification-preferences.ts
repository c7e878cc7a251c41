import { z } from 'zod';
import { CategoryIdSchema } from '../listing/categories';
import { IdSchema } from '../shared/ids';
import { TimestampSchema } from '../shared/timestamp';
import { ChannelKindSchema } from './channel-kind';

const supportedTimeZones = new Set(Intl.supportedValuesOf('timeZone'));

/**
 * Whether the runtime knows a zone. `Intl.supportedValuesOf` lists only ICU's canonical names,
 * which lag IANA's (it lists `Asia/Calcutta`, not `Asia/Kolkata`), so other IANA names are
 * accepted when `Intl.DateTimeFormat` resolves them.
 */
function isKnownTimeZone(zone: string): boolean {
  if (zone === 'UTC' || supportedTimeZones.has(zone)) return true;
  if (!/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone (`America/New_York`, `Asia/Kolkata`); `UTC` is accepted too. */
export const TimeZoneSchema = z.string().max(64).refine(isKnownTimeZone, 'must be an IANA time zone');

/** A local wall-clock time `HH:mm` (24-hour). */
export const LocalTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:mm (24-hour)');

/** How often a user hears from us (the roadmap's `frequency`). */
export const NotificationFrequencySchema = z.enum(['immediate', 'daily_digest', 'weekly_digest']);
export type NotificationFrequency = z.infer<typeof NotificationFrequencySchema>;

/** Quiet hours in the user's time zone; `start` after `end` crosses midnight (22:00–07:00). */
export const QuietHoursSchema = z
  .object({ start: LocalTimeSchema, end: LocalTimeSchema })
  .refine((value) => value.start !== value.end, { message: 'start and end must differ', path: ['end'] });

/** A Web Push subscription as the browser's `PushSubscription.toJSON()` returns it. */
export const PushSubscriptionSchema = z.object({
  endpoint: z.url().refine((url) => url.startsWith('https://'), 'must be an https URL'),
  keys: z.object({ p256dh: z.string().min(1).max(200), auth: z.string().min(1).max(100) }),
  expirationTime: z.number().nullable().optional(),
});
export type PushSubscription = z.infer<typeof PushSubscriptionSchema>;

/** An E.164 phone number (`+14155550123`). */
export const PhoneNumberSchema = z
  .string()
  .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number like +14155550123');

/** Where each channel delivers for this user. */
export const ChannelAddressesSchema = z.object({
  email: z.email().max(320).optional(),
  phone: PhoneNumberSchema.optional(),
  /** Set when the carrier reported the number as unable to receive SMS. */
  phoneInvalid: z.boolean().optional(),
  /** Set when the mail provider reported the address as unable to receive mail. */
  emailInvalid: z.boolean().optional(),
  discordWebhookUrl: z.url().max(500).optional(),
  pushSubscriptions: z.array(PushSubscriptionSchema).max(20).default([]),
});

/**
 * A user's notification preferences: every field of the roadmap's `notification_preferences`
 * table plus the user's time zone and per-channel addresses.
 */
export const NotificationPreferencesSchema = z.object({
  userId: IdSchema,
  channels: z.array(ChannelKindSchema).max(4).default(['email']),
  frequency: NotificationFrequencySchema.default('immediate'),
  quietHours: QuietHoursSchema.nullable().default(null),
  /** Only alerts in these categories (and their descendants) are sent; empty means all. */
  categoryFilters: z.array(CategoryIdSchema).max(50).default([]),
  /** At most this many notifications per local day; `null` means no cap. */
  maxNotificationsPerDay: z.number().int().min(1).max(1000).nullable().default(null),
  timeZone: TimeZoneSchema.default('UTC'),
  addresses: ChannelAddressesSchema.default({ pushSubscriptions: [] }),
  updatedAt: TimestampSchema,
});

export type NotificationPreferences = z.output<typeof NotificationPreferencesSchema>;
export type NotificationPreferencesInput = z.input<typeof NotificationPreferencesSchema>;
