import { parseInput } from '@deal-scout/core';
import { z } from 'zod';

// Discord's documented limits ("Embed Limits" in message.mdx; maxLength in the OpenAPI spec).
const url = z.url({ protocol: /^https?$/ }).max(2048);

const EmbedSchema = z.strictObject({
  title: z.string().max(256).optional(),
  description: z.string().max(4096).optional(),
  url: url.optional(),
  color: z.number().int().min(0).max(16_777_215).optional(),
  timestamp: z.iso.datetime({ offset: true }).optional(),
  footer: z.strictObject({ text: z.string().min(1).max(2048), icon_url: url.optional() }).optional(),
  image: z.strictObject({ url }).optional(),
  thumbnail: z.strictObject({ url }).optional(),
  author: z
    .strictObject({ name: z.string().min(1).max(256), url: url.optional(), icon_url: url.optional() })
    .optional(),
  fields: z
    .array(
      z.strictObject({
        name: z.string().min(1).max(256),
        value: z.string().min(1).max(1024),
        inline: z.boolean().optional(),
      }),
    )
    .max(25)
    .optional(),
});

type Embed = z.infer<typeof EmbedSchema>;

/** Characters Discord counts toward the 6,000 limit across all embeds of a message. */
export function countEmbedCharacters(embeds: readonly Embed[]): number {
  let total = 0;
  for (const embed of embeds) {
    total += (embed.title ?? '').length + (embed.description ?? '').length;
    total += (embed.footer?.text ?? '').length + (embed.author?.name ?? '').length;
    for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  }
  return total;
}

const suppressEmbeds = 1 << 2;
const suppressNotifications = 1 << 12;

/** The `message.discord` fields the channel forwards; anything else is refused, not dropped. */
const DiscordFieldsSchema = z.strictObject({
  content: z.string().max(2000).optional(),
  embeds: z
    .array(EmbedSchema)
    .max(10)
    .refine((embeds) => countEmbedCharacters(embeds) <= 6000, 'embeds must total at most 6000 characters')
    .optional(),
  username: z.string().min(1).max(80).optional(),
  avatar_url: url.optional(),
  // Webhooks accept only SUPPRESS_EMBEDS and SUPPRESS_NOTIFICATIONS.
  flags: z
    .number()
    .int()
    .refine(
      (flags) => (flags & ~(suppressEmbeds | suppressNotifications)) === 0,
      'only 1<<2 and 1<<12 are allowed',
    )
    .optional(),
  thread_name: z.string().min(1).max(100).optional(),
  // Accepted so templates may set it, but always replaced by `{ parse: [] }`.
  allowed_mentions: z.unknown().optional(),
});

const MessageSchema = z
  .object({
    text: z.string().max(2000),
    discord: DiscordFieldsSchema.optional(),
  })
  .refine(
    (message) =>
      (message.discord?.content ?? message.text).trim() !== '' || (message.discord?.embeds?.length ?? 0) > 0,
    { message: 'a Discord message needs content or at least one embed', path: ['text'] },
  );

/** The execute-webhook JSON body. */
export type DiscordWebhookPayload = {
  content?: string;
  embeds?: Embed[];
  username?: string;
  avatar_url?: string;
  flags?: number;
  thread_name?: string;
  allowed_mentions: { parse: [] };
};

/**
 * Builds the execute-webhook body: `content` from `message.discord.content`, else `message.text`;
 * embeds, username, avatar, flags and thread name from `message.discord`. `allowed_mentions` is
 * always `{ parse: [] }`, so neither a template nor a listing title can ping @everyone, a role or
 * a user (a webhook's default is to parse user mentions).
 * @throws ValidationError when a Discord limit would be exceeded or an unknown field is present.
 */
export function buildDiscordPayload(message: {
  readonly text: string;
  readonly discord?: unknown;
}): DiscordWebhookPayload {
  const parsed = parseInput(MessageSchema, message, { subject: 'Discord message', source: 'discord' });
  const { content, allowed_mentions: _ignored, ...rest } = parsed.discord ?? {};
  const text = content ?? parsed.text;
  return {
    ...(text.trim() === '' ? {} : { content: text }),
    ...rest,
    allowed_mentions: { parse: [] },
  };
}
