import { ValidationError } from '../../errors/validation-error';
import { type DealView, formatDealScore } from './deal-view';
import { formatPrice } from './format-price';
import { analyzeSms, toGsm7 } from './gsm7';

/** Most segments a deal alert may take (the issue's limit; Twilio recommends ≤ 320 characters). */
export const maxDealAlertSegments = 2;

/** Collapses whitespace (an SMS has no room for layout) and makes the text GSM-7 where possible. */
function clean(text: string): string {
  return toGsm7(text.replace(/\s+/g, ' ').trim());
}

/** Cuts `text` to the longest prefix (by code points, ending in `...`) for which `fits` holds. */
function truncateToFit(text: string, fits: (candidate: string) => boolean): string {
  if (fits(text)) return text;
  const chars = [...text];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(`${chars.slice(0, mid).join('').trimEnd()}...`)) low = mid;
    else high = mid - 1;
  }
  return low === 0 ? '' : `${chars.slice(0, low).join('').trimEnd()}...`;
}

/** Fills `{title}` in `template` with as much of `title` as fits in `maxSegments`. */
function fitTitle(template: (title: string) => string, title: string, maxSegments: number): string | null {
  const fits = (candidate: string) => analyzeSms(template(candidate)).segments <= maxSegments;
  if (!fits('')) return null;
  return template(truncateToFit(clean(title), fits));
}

/**
 * A short deal alert: `Deal Scout: <title> $450.00 (market $600.00, score 82/100) <url>`, in
 * GSM-7 whenever the title allows, and at most {@link maxDealAlertSegments} segments: the title is
 * shortened first, and the link is left out only when even an empty title would not fit.
 */
export function renderDealAlertSms(deal: DealView, options: { readonly appName?: string } = {}): string {
  const app = clean(options.appName ?? 'Deal Scout');
  const extras = [
    deal.marketPrice ? `market ${formatPrice(deal.marketPrice)}` : null,
    deal.dealScore !== null ? `score ${formatDealScore(deal.dealScore)}` : null,
  ].filter((part): part is string => part !== null);
  const detail = `${formatPrice(deal.price)}${extras.length ? ` (${extras.join(', ')})` : ''}`;
  const withUrl = (title: string) => `${app}: ${title} - ${toGsm7(detail)}${deal.url ? ` ${deal.url}` : ''}`;
  const withoutUrl = (title: string) => `${app}: ${title} - ${toGsm7(detail)}`;
  return (
    fitTitle(withUrl, deal.title, maxDealAlertSegments) ??
    fitTitle(withoutUrl, deal.title, maxDealAlertSegments) ??
    `${app}: new deal`
  );
}

/** What an order status SMS says. */
export type OrderStatusSmsInput = {
  readonly orderId: string;
  readonly itemTitle: string;
  /** In words: `shipped`, `delivered`, `cancelled`. */
  readonly status: string;
  readonly url?: string | null;
};

/** An order status update (`Deal Scout: your order 123 (Gaming PC) is now shipped.`), ≤ 2 segments. */
export function renderOrderStatusSms(
  input: OrderStatusSmsInput,
  options: { readonly appName?: string } = {},
): string {
  const app = clean(options.appName ?? 'Deal Scout');
  const order = clean(input.orderId).slice(0, 40);
  const status = clean(input.status).slice(0, 40);
  const link = input.url ? ` ${input.url}` : '';
  return (
    fitTitle(
      (title) => `${app}: your order ${order} (${title}) is now ${status}.${link}`,
      input.itemTitle,
      2,
    ) ?? `${app}: your order ${order} is now ${status}.`
  );
}

/**
 * A one-time code message, always a single GSM-7 segment. Throws `ValidationError` (field
 * `code`) unless the code is 4–10 letters or digits, and (field `expiresInMinutes`) for a
 * non-positive lifetime.
 */
export function renderVerificationCodeSms(
  input: { readonly code: string; readonly expiresInMinutes: number },
  options: { readonly appName?: string } = {},
): string {
  if (!/^[A-Za-z0-9]{4,10}$/.test(input.code)) {
    throw new ValidationError({
      issues: [{ field: 'code', message: 'must be 4-10 letters or digits' }],
      subject: 'verification code',
    });
  }
  if (
    !Number.isInteger(input.expiresInMinutes) ||
    input.expiresInMinutes < 1 ||
    input.expiresInMinutes > 1440
  ) {
    throw new ValidationError({
      issues: [{ field: 'expiresInMinutes', message: 'must be an integer from 1 to 1440' }],
      subject: 'verification code',
    });
  }
  const app = clean(options.appName ?? 'Deal Scout').slice(0, 40);
  return `${input.code} is your ${app} verification code. It expires in ${input.expiresInMinutes} min. Never share it.`;
}

/** A digest summary SMS: count, the best deal and its link, ≤ 2 segments. */
export function renderDigestSms(
  deals: readonly DealView[],
  options: { readonly appName?: string; readonly periodLabel: string; readonly totalDeals: number },
): string {
  const app = clean(options.appName ?? 'Deal Scout');
  const count = `${options.totalDeals} new deal${options.totalDeals === 1 ? '' : 's'} in your ${options.periodLabel}`;
  const best = deals[0];
  if (!best) return `${app}: ${count}.`;
  const price = toGsm7(formatPrice(best.price));
  const link = best.url ? ` ${best.url}` : '';
  return (
    fitTitle((title) => `${app}: ${count}. Top: ${title} - ${price}${link}`, best.title, 2) ??
    fitTitle((title) => `${app}: ${count}. Top: ${title} - ${price}`, best.title, 2) ??
    `${app}: ${count}.`
  );
}
