import { z } from 'zod';
import { ValidationError } from '../errors/validation-error';

const supportedCurrencies = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 4217 currency code (`USD`, `EUR`, `JPY`). */
export const CurrencySchema = z
  .string()
  .length(3)
  .regex(/^[A-Z]{3}$/, 'must be an upper-case ISO 4217 code')
  .refine((code) => supportedCurrencies.has(code), 'is not a known ISO 4217 currency');

/**
 * An amount of money in integer minor units (cents for USD, yen for JPY) and its currency. Integer
 * minor units make sums and comparisons exact; use {@link moneyFromMajor} and {@link formatMoney}
 * at the edges.
 */
export const MoneySchema = z.object({
  amount: z
    .number()
    .int('must be an integer number of minor units')
    .min(0, 'must not be negative')
    .max(Number.MAX_SAFE_INTEGER),
  currency: CurrencySchema,
});

export type Money = z.infer<typeof MoneySchema>;

/** Digits per currency already looked up: building an `Intl.NumberFormat` costs microseconds. */
const digitsByCurrency = new Map<string, number>();

/** The number of minor-unit digits of a currency (2 for USD, 0 for JPY, 3 for KWD). */
export function currencyDigits(currency: string): number {
  const known = digitsByCurrency.get(currency);
  if (known !== undefined) return known;
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  if (supportedCurrencies.has(currency)) digitsByCurrency.set(currency, digits);
  return digits;
}

/** Builds money from integer minor units. */
export function money(amount: number, currency: string): Money {
  const result = MoneySchema.safeParse({ amount, currency });
  if (!result.success) {
    throw new ValidationError({
      issues: result.error.issues.map((issue) => ({
        field: String(issue.path[0] ?? 'amount'),
        message: issue.message,
      })),
      subject: 'money',
    });
  }
  return result.data;
}

/** Builds money from a major-unit amount (`12.5` USD → 1250 minor units), rounding half away from zero. */
export function moneyFromMajor(major: number, currency: string): Money {
  if (!Number.isFinite(major)) {
    throw new ValidationError({
      issues: [{ field: 'amount', message: 'must be a finite number' }],
      subject: 'money',
    });
  }
  const factor = 10 ** currencyDigits(currency);
  return money(Math.round(major * factor), currency);
}

/** US dollars from a major-unit amount: `usd(499.99)`. */
export function usd(major: number): Money {
  return moneyFromMajor(major, 'USD');
}

/** The major-unit value of money (`1250` USD minor units → `12.5`). */
export function toMajor(value: Money): number {
  return value.amount / 10 ** currencyDigits(value.currency);
}

/** Formats money for people, e.g. `$1,250.00`; `locale` defaults to `en-US`. */
export function formatMoney(value: Money, locale = 'en-US'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: value.currency }).format(
    toMajor(value),
  );
}

/** Compares two amounts of the same currency; throws a `ValidationError` across currencies. */
export function compareMoney(a: Money, b: Money): number {
  if (a.currency !== b.currency) {
    throw new ValidationError({
      issues: [{ field: 'currency', message: `cannot compare ${a.currency} with ${b.currency}` }],
      subject: 'money',
    });
  }
  return a.amount - b.amount;
}
