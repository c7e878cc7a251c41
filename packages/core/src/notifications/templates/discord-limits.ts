/**
 * Discord's message and embed limits (developer docs, "Embed Limits"; maxLength in the OpenAPI
 * `RichEmbed`). Exceeding any of them makes execute-webhook fail with 400.
 */
export const discordLimits = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Sum of title, description, field names and values, footer text and author name, all embeds. */
  totalCharacters: 6000,
  url: 2048,
} as const;

/** A Discord embed, restricted to the parts webhooks honour. */
export type DiscordEmbed = {
  title?: string;
  description?: string;
  url?: string;
  color?: number;
  timestamp?: string;
  footer?: { text: string; icon_url?: string };
  image?: { url: string };
  thumbnail?: { url: string };
  author?: { name: string; url?: string; icon_url?: string };
  fields?: Array<{ name: string; value: string; inline?: boolean }>;
};

/** The execute-webhook body the SDK sends. */
export type DiscordMessage = {
  content?: string;
  username?: string;
  embeds: DiscordEmbed[];
  /** Always `{ parse: [] }`: an alert never pings anyone. */
  allowed_mentions: { parse: [] };
};

/** Trims and cuts text to `max` code points (Discord counts characters), ending in `…` when cut. */
export function clip(text: string, max: number): string {
  const trimmed = text.trim();
  const chars = [...trimmed];
  if (chars.length <= max) return trimmed;
  return `${chars
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

const length = (text: string | undefined) => (text ? [...text].length : 0);

/** The characters an embed contributes to the 6,000-character total. */
export function embedCharacters(embed: DiscordEmbed): number {
  return (
    length(embed.title) +
    length(embed.description) +
    length(embed.footer?.text) +
    length(embed.author?.name) +
    (embed.fields ?? []).reduce((sum, field) => sum + length(field.name) + length(field.value), 0)
  );
}

/** Only `http(s)` URLs within Discord's length limit are kept; anything else is dropped. */
function safeUrl(url: string | undefined): string | undefined {
  if (!url || url.length > discordLimits.url) return undefined;
  return /^https?:\/\//i.test(url) ? url : undefined;
}

function fitEmbed(embed: DiscordEmbed): DiscordEmbed {
  const fitted: DiscordEmbed = { ...embed };
  if (embed.title !== undefined) fitted.title = clip(embed.title, discordLimits.title);
  if (embed.description !== undefined)
    fitted.description = clip(embed.description, discordLimits.description);
  if (embed.footer)
    fitted.footer = { ...embed.footer, text: clip(embed.footer.text, discordLimits.footerText) };
  if (embed.author)
    fitted.author = { ...embed.author, name: clip(embed.author.name, discordLimits.authorName) };
  if (embed.fields) {
    fitted.fields = embed.fields.slice(0, discordLimits.fields).map((field) => ({
      ...field,
      name: clip(field.name, discordLimits.fieldName) || '\u200b',
      value: clip(field.value, discordLimits.fieldValue) || '\u200b',
    }));
  }
  for (const key of ['url'] as const) {
    const url = safeUrl(embed[key]);
    if (url) fitted[key] = url;
    else delete fitted[key];
  }
  for (const key of ['image', 'thumbnail'] as const) {
    const url = safeUrl(embed[key]?.url);
    if (url) fitted[key] = { url };
    else delete fitted[key];
  }
  return fitted;
}

/**
 * Makes a message respect every Discord limit: each embed's parts are cut to their maxima, at
 * most 10 embeds and 25 fields each are kept, and while the 6,000-character total is exceeded
 * the longest description is shortened, then trailing embeds are dropped. Mentions are disabled.
 */
export function fitDiscordMessage(message: {
  content?: string;
  username?: string;
  embeds: DiscordEmbed[];
}): DiscordMessage {
  const embeds = message.embeds.slice(0, discordLimits.embeds).map(fitEmbed);
  const total = () => embeds.reduce((sum, embed) => sum + embedCharacters(embed), 0);
  while (total() > discordLimits.totalCharacters) {
    const excess = total() - discordLimits.totalCharacters;
    const longest = embeds.reduce<DiscordEmbed | null>(
      (best, embed) => (length(embed.description) > length(best?.description) ? embed : best),
      null,
    );
    if (longest?.description && length(longest.description) > 200) {
      longest.description = clip(longest.description, Math.max(200, length(longest.description) - excess));
    } else if (embeds.length > 1) {
      embeds.pop();
    } else {
      const only = embeds[0] as DiscordEmbed;
      only.fields = (only.fields ?? []).slice(0, -1);
      if (only.fields.length === 0 && total() > discordLimits.totalCharacters) {
        only.description = clip(only.description ?? '', 1000);
        break;
      }
    }
  }
  const result: DiscordMessage = { embeds, allowed_mentions: { parse: [] } };
  if (message.content) result.content = clip(message.content, discordLimits.content);
  if (message.username) result.username = clip(message.username, 80);
  return result;
}
