import { describe, expect, it } from 'vitest';
import { DealScoutError } from '../errors/deal-scout-error';
import { ValidationError } from '../errors/validation-error';
import {
  compareMoney,
  currencyDigits,
  formatMoney,
  MoneySchema,
  money,
  moneyFromMajor,
  toMajor,
  usd,
} from './money';

describe('Money', () => {
  it('stores integer minor units per the currency', () => {
    expect(usd(499.99)).toEqual({ amount: 49_999, currency: 'USD' });
    expect(moneyFromMajor(1500, 'JPY')).toEqual({ amount: 1500, currency: 'JPY' });
    expect(moneyFromMajor(1.2345, 'KWD')).toEqual({ amount: 1235, currency: 'KWD' });
    expect(currencyDigits('JPY')).toBe(0);
    expect(toMajor({ amount: 1250, currency: 'USD' })).toBe(12.5);
  });

  it('formats for people', () => {
    expect(formatMoney(usd(1250))).toBe('$1,250.00');
    expect(formatMoney({ amount: 999, currency: 'EUR' }, 'de-DE')).toMatch(/^9,99\s€$/u);
  });

  it('answers bad input with a ValidationError naming the field', () => {
    for (const [make, field] of [
      [() => money(10.5, 'USD'), 'amount'],
      [() => money(-1, 'USD'), 'amount'],
      [() => money(100, 'usd'), 'currency'],
      [() => money(100, 'XYZ'), 'currency'],
      [() => moneyFromMajor(Number.NaN, 'USD'), 'amount'],
    ] as const) {
      const error = (() => {
        try {
          make();
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ValidationError);
      expect(DealScoutError.isInstance(error)).toBe(true);
      expect((error as ValidationError).field).toBe(field);
    }
  });

  it('refuses to compare different currencies', () => {
    expect(compareMoney(usd(2), usd(1))).toBeGreaterThan(0);
    expect(() => compareMoney(usd(1), moneyFromMajor(1, 'EUR'))).toThrow(ValidationError);
  });

  it('rejects fractional minor units in the schema', () => {
    expect(MoneySchema.safeParse({ amount: 1.5, currency: 'USD' }).success).toBe(false);
  });
});
