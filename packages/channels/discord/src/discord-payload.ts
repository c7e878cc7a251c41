import { parseInput } from '@deal-scout/core';
import { z } from 'zod';

// Discord's documented limits ("Embed Limits" in message.mdx; maxLength in the OpenAPI spec).
// Lengths count characters (code points), as JSON Schema's maxLength and core's templates do,
// so an emoji counts once rather than as two UTF-16 units.
const characters = (text: string) => [...text].length;
const limitedText = (max: number, min = 0) =>
  z
    .string()
    .refine((value) => characters(value) >= min, `must be at least ${min} characters`)
    .refine((value) => characters(value) <= max, `must be at most ${max} characters`);
const url = z.url({ protocol: /^https?$/ }).max(2048);

const EmbedSchema = z.strictObject({
  title: limitedText(256).optional(),
  description: limitedText(4096).optional(),
  url: url.optional(),
  color: z.number().int().min(0).max(16_777_215).optional(),
  timestamp: z.iso.datetime({ offset: true }).optional(),
  footer: z.strictObject({ text: limitedText(2048, 1), icon_url: url.optional() }).optional(),
  image: z.strictObject({ url }).optional(),
  thumbnail: z.strictObject({ url }).optional(),
  author: z
    .strictObject({ name: limitedText(256, 1), url: url.optional(), icon_url: url.optional() })
    .optional(),
  fields: z
    .array(
      z.strictObject({
        name: limitedText(256, 1),
        value: limitedText(1024, 1),
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
    total += characters(embed.title ?? '') + characters(embed.description ?? '');
    total += characters(embed.footer?.text ?? '') + characters(embed.author?.name ?? '');
    for (const field of embed.fields ?? []) total += characters(field.name) + characters(field.value);
  }
  return total;
}

const suppressEmbeds = 1 << 2;
const suppressNotifications = 1 << 12;

/** The `message.discord` fields the channel forwards; anything else is refused, not dropped. */
const DiscordFieldsSchema = z.strictObject({
  content: limitedText(2000).optional(),
  embeds: z
    .array(EmbedSchema)
    .max(10)
    .refine((embeds) => countEmbedCharacters(embeds) <= 6000, 'embeds must total at most 6000 characters')
    .optional(),
  username: limitedText(80, 1).optional(),
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
  thread_name: limitedText(100, 1).optional(),
  // Accepted so templates may set it, but always replaced by `{ parse: [] }`.
  allowed_mentions: z.unknown().optional(),
});

const MessageSchema = z
  .object({
    text: limitedText(2000),
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
