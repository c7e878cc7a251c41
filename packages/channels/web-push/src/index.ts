/**
 * @deal-scout/web-push: the browser push channel, VAPID-signed and aes128gcm-encrypted through
 * the web-push library.
 */

export type { SettingsEnvironment } from '@deal-scout/core';
export {
  createWebPushChannel,
  generateVapidKeys,
  type PushUrgency,
  type WebPushChannelSettings,
} from './create-web-push-channel';
export { hostOf, mapPushError } from './map-push-error';
export { buildPushPayload, maxPushPayloadBytes } from './push-payload';
