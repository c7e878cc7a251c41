import { type DealView, formatDealScore } from './deal-view';
import type { EmailContent } from './email-html';
import { formatPrice } from './format-price';

function dealLines(deal: DealView): string {
  const facts = [
    formatPrice(deal.price),
    deal.marketPrice ? `market ${formatPrice(deal.marketPrice)}` : null,
    deal.dealScore !== null ? `deal score ${formatDealScore(deal.dealScore)}` : null,
  ].filter(Boolean);
  return [`- ${deal.title}`, `  ${facts.join(' | ')}`, deal.url ? `  ${deal.url}` : null]
    .filter(Boolean)
    .join('\n');
}

/** The plain-text part of the same email (clients without HTML, and spam filters, read it). */
export function renderEmailText(content: EmailContent): string {
  const lines = [content.heading, '', content.intro, ''];
  if (content.recommendations.length) {
    lines.push('TOP RECOMMENDATIONS', ...content.recommendations.map(dealLines), '');
  }
  if (content.deals.length) lines.push('DEALS', ...content.deals.map(dealLines), '');
  if (content.moreCount > 0) lines.push(`...and ${content.moreCount} more in the app.`, '');
  const trends = content.deals.filter((deal) => deal.trend !== null && deal.trendPctChange !== null);
  if (trends.length) {
    lines.push(
      'PRICE TRENDS (30 DAYS)',
      ...trends.map(
        (deal) =>
          `- ${deal.title.slice(0, 80)}: ${deal.trend} ${(deal.trendPctChange ?? 0) > 0 ? '+' : ''}${(deal.trendPctChange ?? 0).toFixed(1)}%`,
      ),
      '',
    );
  }
  if (content.preferencesUrl) lines.push(`Notification settings: ${content.preferencesUrl}`);
  lines.push(`Unsubscribe: ${content.unsubscribeUrl}`);
  return lines.join('\n');
}
