import type { Money } from '../listing/money';

/**
 * Converts money into another currency for price criteria, synchronously (matching runs on
 * every ingested listing, so the host keeps its exchange rates in memory and refreshes them
 * on its own schedule). Returns `null` when it has no rate, and the listing then does not match
 * a price criterion in that currency. It must be deterministic for a given input while a match
 * runs.
 */
export type CurrencyConverter = (value: Money, toCurrency: string) => Money | null;

/**
 * The listing's price as an amount of minor units of `currency`: itself when the currencies
 * agree, converted when a converter is configured, otherwise `null` (no match).
 */
export function amountInCurrency(
  price: Money,
  currency: string,
  convert: CurrencyConverter | undefined,
): number | null {
  if (price.currency === currency) return price.amount;
  if (!convert) return null;
  const converted = convert(price, currency);
  if (!converted || converted.currency !== currency || !Number.isFinite(converted.amount)) return null;
  return converted.amount;
}
