import { type DealView, formatDealScore } from './deal-view';
import { type DiscordEmbed, type DiscordMessage, fitDiscordMessage } from './discord-limits';
import { formatPrice } from './format-price';

/** Green for great deals, amber for good, grey otherwise. */
function colourFor(score: number | null): number {
  if (score === null) return 0x8a8f98;
  if (score >= 0.8) return 0x2e9e5b;
  if (score >= 0.5) return 0xe0a526;
  return 0x8a8f98;
}

function trendText(deal: DealView): string | null {
  if (deal.trend === null || deal.trendPctChange === null) return null;
  const sign = deal.trendPctChange > 0 ? '+' : '';
  return `${deal.trend} (${sign}${deal.trendPctChange.toFixed(1)}% in 30 days)`;
}

/** One rich embed for a deal: title linking to the listing, image, price, market price, deal score. */
export function dealEmbed(deal: DealView, options: { readonly appName?: string } = {}): DiscordEmbed {
  const fields: NonNullable<DiscordEmbed['fields']> = [
    { name: 'Price', value: formatPrice(deal.price), inline: true },
  ];
  if (deal.marketPrice)
    fields.push({ name: 'Market price', value: formatPrice(deal.marketPrice), inline: true });
  if (deal.dealScore !== null)
    fields.push({ name: 'Deal score', value: formatDealScore(deal.dealScore), inline: true });
  const trend = trendText(deal);
  if (trend) fields.push({ name: 'Price trend', value: trend, inline: true });
  fields.push({ name: 'Marketplace', value: deal.marketplace, inline: true });
  const embed: DiscordEmbed = {
    title: deal.title,
    color: colourFor(deal.dealScore),
    fields,
    footer: { text: `${options.appName ?? 'Deal Scout'} · ${deal.ruleName}` },
  };
  if (deal.reasons.length > 0) embed.description = deal.reasons.map((reason) => `• ${reason}`).join('\n');
  if (deal.url) embed.url = deal.url;
  if (deal.imageUrl) embed.image = { url: deal.imageUrl };
  return embed;
}

/** A deal alert for a Discord webhook. */
export function renderDealAlertDiscord(
  deal: DealView,
  options: { readonly appName?: string } = {},
): DiscordMessage {
  return fitDiscordMessage({
    username: options.appName ?? 'Deal Scout',
    content: `New deal for "${deal.ruleName}"`,
    embeds: [dealEmbed(deal, options)],
  });
}

/** A digest for a Discord webhook: a summary line and the best deals, one embed each (≤ 10). */
export function renderDigestDiscord(
  deals: readonly DealView[],
  options: { readonly appName?: string; readonly periodLabel: string; readonly totalDeals: number },
): DiscordMessage {
  const shown = deals.slice(0, 10);
  const more = options.totalDeals - shown.length;
  return fitDiscordMessage({
    username: options.appName ?? 'Deal Scout',
    content: `Your ${options.periodLabel}: ${options.totalDeals} deal${options.totalDeals === 1 ? '' : 's'}${more > 0 ? ` (top ${shown.length} below)` : ''}`,
    embeds: shown.map((deal) => dealEmbed(deal, options)),
  });
}

/** The test message sent when a webhook is registered. */
export function renderDiscordTestMessage(options: { readonly appName?: string } = {}): DiscordMessage {
  const app = options.appName ?? 'Deal Scout';
  return fitDiscordMessage({
    username: app,
    content: `${app} is connected: deal alerts will be posted here.`,
    embeds: [],
  });
}
