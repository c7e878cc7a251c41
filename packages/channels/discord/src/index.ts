/**
 * @deal-scout/discord: the Discord channel (execute-webhook with rich embeds and no pings), a
 * strict webhook URL validator, and a webhook existence check.
 */

export { createDiscordChannel, type DiscordChannelSettings } from './create-discord-channel';
export { buildDiscordPayload, countEmbedCharacters, type DiscordWebhookPayload } from './discord-payload';
export {
  type DiscordWebhook,
  DiscordWebhookUrlSchema,
  isDiscordWebhookUrl,
  parseDiscordWebhookUrl,
} from './discord-webhook-url';
export { type DiscordWebhookInfo, getDiscordWebhook } from './get-discord-webhook';
