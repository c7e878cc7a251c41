/**
 * The strict Discord webhook URL rules live in core, so the preferences service (which refuses
 * anything else at registration) and this channel (which re-checks before every send) apply the
 * same ones: https only, Discord's own hosts, the `/api/webhooks/{id}/{token}` path.
 */
export {
  type DiscordWebhook,
  DiscordWebhookUrlSchema,
  isDiscordWebhookUrl,
  parseDiscordWebhookUrl,
} from '@deal-scout/core';
