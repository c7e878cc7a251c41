import { currencyDigits, type Money } from '@deal-scout/core';

const supported = new Set(Intl.supportedValuesOf('currency'));

/**
 * Converts eBay's `{ value: "12.50", currency: "USD" }` into integer minor units without floating
 * point: the decimal string is split and padded to the currency's digits (`"12.5"` USD → 1250,
 * `"1200"` JPY → 1200). Returns `null` for a malformed value, an unknown currency or more decimals
 * than the currency has.
 */
export function moneyFromEbayAmount(amount: {
  readonly value: string;
  readonly currency: string;
}): Money | null {
  const currency = amount.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency) || !supported.has(currency)) return null;
  const match = /^(\d+)(?:\.(\d+))?$/.exec(amount.value.trim());
  if (!match) return null;
  const digits = currencyDigits(currency);
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) return null;
  const minor = Number(`${match[1]}${fraction.padEnd(digits, '0')}`);
  return Number.isSafeInteger(minor) ? { amount: minor, currency } : null;
}

/** Formats minor units back into eBay's decimal string (`1250` USD → `"12.50"`). */
export function ebayAmountFromMoney(money: Money): { value: string; currency: string } {
  const digits = currencyDigits(money.currency);
  const text = String(money.amount).padStart(digits + 1, '0');
  const value = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return { value, currency: money.currency };
}
