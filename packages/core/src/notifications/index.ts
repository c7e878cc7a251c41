export { type ChannelKind, ChannelKindSchema } from './channel-kind';
export {
  createNotificationsService,
  type NotificationsService,
} from './create-notifications-service';
export { type DeliveryQuery, DeliveryQuerySchema, type DeliveryRecord } from './delivery-log';
export { buildDigest, type DigestBuildOutcome } from './digests/build-digest';
export { bucketKey, type DigestBucket, type DigestItem, maxBucketItems } from './digests/digest-bucket';
export { dueDigests, type OpenDigest } from './digests/digest-index';
export { digestSweepJob, runDigestSweep } from './digests/digest-job';
export { type DigestFrequency, type DigestPeriod, digestPeriodFor } from './digests/digest-period';
export {
  type DiscordWebhook,
  DiscordWebhookUrlSchema,
  isDiscordWebhookUrl,
  parseDiscordWebhookUrl,
} from './discord-webhook-url';
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
  type NotificationsSettings,
  NotificationsSettingsSchema,
  type ResolvedNotificationsSettings,
} from './notifications-settings';
export { backoffDelayMs } from './outbox/backoff';
export type { Dispatcher } from './outbox/dispatcher';
export { type OutboxPayload, OutboxPayloadSchema } from './outbox/outbox-payload';
export {
  type NewOutboxEntry,
  type OutboxEntry,
  OutboxEntrySchema,
  type OutboxStatus,
  OutboxStatusSchema,
} from './outbox-entry';
export { passesCategoryFilters } from './policy/category-filter';
export { alertDedupeKey, digestDedupeKey } from './policy/dedupe-keys';
export type { AlertDeliveryOutcome, AlertDeliveryRequest } from './policy/deliver-alert';
export { isWithinQuietHours, quietHoursRelease } from './policy/quiet-hours';
export { selectChannels } from './policy/select-channels';
export type * from './preferences/preference-inputs';
export {
  AddPushSubscriptionInputSchema,
  RegisterDiscordWebhookInputSchema,
  RemovePushSubscriptionInputSchema,
  UpdateAddressesInputSchema,
  UpdateCategoryFiltersInputSchema,
  UpdateChannelsInputSchema,
  UpdateFrequencyInputSchema,
  UpdateMaxPerDayInputSchema,
  UpdateQuietHoursInputSchema,
  UpdateTimeZoneInputSchema,
} from './preferences/preference-inputs';
export type { DiscordTestResult, NotificationPreferencesApi } from './preferences/preferences-api';
export type { NotificationPreferencesSummary } from './preferences/summarize-preferences';
export type { ReportedDeliveryFailure } from './report-delivery-failure';
export { type SendMessageInput, SendMessageInputSchema } from './send-message';
export { type DealView, formatDealScore, toDealView } from './templates/deal-view';
export {
  type DiscordEmbed,
  type DiscordMessage,
  discordLimits,
  embedCharacters,
  fitDiscordMessage,
} from './templates/discord-limits';
export { dealEmbed, renderDealAlertDiscord, renderDigestDiscord } from './templates/discord-templates';
export {
  type EmailTemplateOptions,
  maxEmailHtmlBytes,
  type RenderedEmail,
  renderDealAlertEmail,
  renderDigestEmail,
} from './templates/email-templates';
export { escapeHtml, safeHref } from './templates/escape-html';
export { analyzeSms, isGsm7Char, type SmsAnalysis, toGsm7 } from './templates/gsm7';
export { maxPushPayloadBytes, type PushPayload, renderDealAlertPush } from './templates/push-templates';
export {
  maxDealAlertSegments,
  type OrderStatusSmsInput,
  renderDealAlertSms,
  renderDigestSms,
  renderOrderStatusSms,
  renderVerificationCodeSms,
} from './templates/sms-templates';
export {
  type UnsubscribeTarget,
  type UnsubscribeUrlBuilder,
  unsubscribeHeaders,
} from './templates/unsubscribe-headers';
export { localParts, nextWallTime } from './time/zoned-time';
