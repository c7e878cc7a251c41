export { type ChannelKind, ChannelKindSchema } from './channel-kind';
export {
  ChannelAddressesSchema,
  LocalTimeSchema,
  type NotificationFrequency,
  NotificationFrequencySchema,
  type NotificationPreferences,
  type NotificationPreferencesInput,
  NotificationPreferencesSchema,
  PhoneNumberSchema,
  type PushSubscription,
  PushSubscriptionSchema,
  QuietHoursSchema,
  TimeZoneSchema,
} from './notification-preferences';
export {
  type NewOutboxEntry,
  type OutboxEntry,
  OutboxEntrySchema,
  type OutboxStatus,
  OutboxStatusSchema,
} from './outbox-entry';
