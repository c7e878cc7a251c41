import type { Money } from '../../listing/money';

const formatters = new Map<string, { readonly format: Intl.NumberFormat; readonly digits: number }>();

/**
 * Money for people (`$1,250.00`), like `formatMoney` in `en-US`, with the `Intl.NumberFormat`
 * kept per currency: building one per call dominated rendering when thousands of alerts go out.
 */
export function formatPrice(value: Money): string {
  let formatter = formatters.get(value.currency);
  if (!formatter) {
    const format = new Intl.NumberFormat('en-US', { style: 'currency', currency: value.currency });
    formatter = { format, digits: format.resolvedOptions().maximumFractionDigits ?? 2 };
    formatters.set(value.currency, formatter);
  }
  return formatter.format.format(value.amount / 10 ** formatter.digits);
}
