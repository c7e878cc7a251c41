import { type DealView, formatDealScore } from './deal-view';
import { escapeHtml, safeHref } from './escape-html';
import { formatPrice } from './format-price';

/**
 * The digest and alert email as HTML with every style inline: mail clients strip or limit
 * `<style>` blocks (Gmail keeps 16 KB), so inline styles are the only ones that reliably apply.
 * The template is ours and small, so styles are written inline directly rather than through a
 * CSS inliner. Every string that comes from a user or a marketplace goes through `escapeHtml`,
 * and every URL through `safeHref`.
 */

const font = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";
const muted = 'color:#6b7280;';

/** What the HTML shows. */
export type EmailContent = {
  readonly appName: string;
  /** `Your daily digest`, `New deal`. */
  readonly heading: string;
  readonly intro: string;
  readonly recommendations: readonly DealView[];
  readonly deals: readonly DealView[];
  /** Deals not shown (the email links to the app for them). */
  readonly moreCount: number;
  readonly unsubscribeUrl: string;
  readonly preferencesUrl: string | null;
};

function scoreBadge(score: number | null): string {
  if (score === null) return '';
  const colour = score >= 0.8 ? '#15803d' : score >= 0.5 ? '#b45309' : '#4b5563';
  return `<span style="display:inline-block;padding:2px 8px;border-radius:10px;background:#f3f4f6;color:${colour};font-size:12px;font-weight:600;">Deal score ${escapeHtml(formatDealScore(score))}</span>`;
}

function dealCard(deal: DealView, large: boolean): string {
  const href = safeHref(deal.url);
  const image = safeHref(deal.imageUrl);
  const title = escapeHtml(deal.title);
  const titleHtml = href
    ? `<a href="${href}" style="color:#111827;text-decoration:none;">${title}</a>`
    : title;
  const imageHtml = image
    ? `<td width="${large ? 120 : 88}" valign="top" style="padding:0 12px 0 0;"><img src="${image}" width="${large ? 120 : 88}" alt="" style="display:block;border:0;border-radius:6px;max-width:${large ? 120 : 88}px;height:auto;"></td>`
    : '';
  const market = deal.marketPrice
    ? `<span style="${muted}font-size:13px;"> · market ${escapeHtml(formatPrice(deal.marketPrice))}</span>`
    : '';
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border:1px solid #e5e7eb;border-radius:8px;margin:0 0 12px 0;"><tr><td style="padding:12px;"><table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr>${imageHtml}<td valign="top" style="${font}"><div style="font-size:${large ? 16 : 15}px;font-weight:600;line-height:1.3;margin:0 0 6px 0;">${titleHtml}</div><div style="font-size:15px;margin:0 0 6px 0;"><strong style="color:#111827;">${escapeHtml(formatPrice(deal.price))}</strong>${market}</div><div style="margin:0 0 4px 0;">${scoreBadge(deal.dealScore)}</div><div style="${muted}font-size:12px;">${escapeHtml(deal.marketplace)} · ${escapeHtml(deal.ruleName)}</div></td></tr></table></td></tr></table>`;
}

function trendRow(deal: DealView): string {
  if (deal.trend === null || deal.trendPctChange === null) return '';
  const arrow = deal.trend === 'increasing' ? '&#9650;' : deal.trend === 'decreasing' ? '&#9660;' : '&#9644;';
  const colour =
    deal.trend === 'decreasing' ? '#15803d' : deal.trend === 'increasing' ? '#b91c1c' : '#4b5563';
  const sign = deal.trendPctChange > 0 ? '+' : '';
  return `<tr><td style="${font}font-size:13px;padding:4px 0;border-bottom:1px solid #f3f4f6;">${escapeHtml(deal.title.slice(0, 80))}</td><td align="right" style="${font}font-size:13px;padding:4px 0;border-bottom:1px solid #f3f4f6;color:${colour};white-space:nowrap;">${arrow} ${escapeHtml(`${sign}${deal.trendPctChange.toFixed(1)}%`)}</td></tr>`;
}

function section(title: string, body: string): string {
  return `<h2 style="${font}font-size:17px;color:#111827;margin:24px 0 12px 0;">${escapeHtml(title)}</h2>${body}`;
}

/** Renders the email HTML. */
export function renderEmailHtml(content: EmailContent): string {
  const trends = content.deals.map(trendRow).filter(Boolean).join('');
  const parts = [
    `<h1 style="${font}font-size:22px;color:#111827;margin:0 0 8px 0;">${escapeHtml(content.heading)}</h1>`,
    `<p style="${font}font-size:15px;color:#374151;margin:0 0 8px 0;">${escapeHtml(content.intro)}</p>`,
    content.recommendations.length
      ? section('Top recommendations', content.recommendations.map((deal) => dealCard(deal, true)).join(''))
      : '',
    content.deals.length ? section('Deals', content.deals.map((deal) => dealCard(deal, false)).join('')) : '',
    content.moreCount > 0
      ? `<p style="${font}${muted}font-size:14px;">…and ${content.moreCount} more deal${content.moreCount === 1 ? '' : 's'} in the app.</p>`
      : '',
    trends
      ? section(
          'Price trends (30 days)',
          `<table role="presentation" width="100%" cellpadding="0" cellspacing="0">${trends}</table>`,
        )
      : '',
  ];
  const unsubscribe = safeHref(content.unsubscribeUrl);
  const preferences = safeHref(content.preferencesUrl);
  const footer = `<p style="${font}${muted}font-size:12px;margin:24px 0 0 0;">You receive this because you set up deal alerts with ${escapeHtml(content.appName)}.${preferences ? ` <a href="${preferences}" style="color:#6b7280;">Notification settings</a> ·` : ''}${unsubscribe ? ` <a href="${unsubscribe}" style="color:#6b7280;">Unsubscribe</a>` : ''}</p>`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(content.heading)}</title></head><body style="margin:0;padding:0;background:#f9fafb;"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f9fafb;"><tr><td align="center" style="padding:24px 12px;"><table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border-radius:10px;"><tr><td style="padding:24px;">${parts.join('')}${footer}</td></tr></table></td></tr></table></body></html>`;
}
