export type {
  ChannelCapabilitiesV1,
  ChannelLimitsV1,
  ChannelMessageV1,
  ChannelRecipientV1,
  NotificationChannelV1,
} from './notification-channel-v1';
