import { type DealView, formatDealScore } from './deal-view';
import { clip } from './discord-limits';
import { formatPrice } from './format-price';

/** aes128gcm pads records to 4,096 octets, leaving 3,993 bytes of plaintext (RFC 8291). */
export const maxPushPayloadBytes = 3993;

/** The JSON a service worker receives. */
export type PushPayload = {
  title: string;
  body: string;
  url?: string;
  icon?: string;
  /** Replaces an earlier notification with the same tag on the device. */
  tag: string;
};

/** Shortens the body until the serialised payload fits {@link maxPushPayloadBytes}. */
export function fitPushPayload(payload: PushPayload): PushPayload {
  const fitted = { ...payload, title: clip(payload.title, 120), body: clip(payload.body, 1000) };
  while (Buffer.byteLength(JSON.stringify(fitted), 'utf8') > maxPushPayloadBytes) {
    if (fitted.icon) delete fitted.icon;
    else if (fitted.url && fitted.url.length > 1000) delete fitted.url;
    else fitted.body = clip(fitted.body, Math.max(1, Math.floor([...fitted.body].length * 0.8)));
  }
  return fitted;
}

/** A push notification for one deal. */
export function renderDealAlertPush(deal: DealView): PushPayload {
  const facts = [
    formatPrice(deal.price),
    deal.marketPrice ? `market ${formatPrice(deal.marketPrice)}` : null,
    deal.dealScore !== null ? `score ${formatDealScore(deal.dealScore)}` : null,
  ].filter(Boolean);
  return fitPushPayload({
    title: deal.title,
    body: facts.join(' · '),
    ...(deal.url ? { url: deal.url } : {}),
    ...(deal.imageUrl ? { icon: deal.imageUrl } : {}),
    tag: `deal:${deal.listingId}`.slice(0, 200),
  });
}

/** A push notification summarising a digest. */
export function renderDigestPush(
  deals: readonly DealView[],
  options: { readonly periodLabel: string; readonly totalDeals: number; readonly period: string },
): PushPayload {
  const best = deals[0];
  return fitPushPayload({
    title: `${options.totalDeals} new deal${options.totalDeals === 1 ? '' : 's'} in your ${options.periodLabel}`,
    body: best ? `Top: ${best.title} - ${formatPrice(best.price)}` : 'Open the app to see them.',
    tag: `digest:${options.period}`,
  });
}
