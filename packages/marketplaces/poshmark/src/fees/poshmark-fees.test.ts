import { ValidationError } from '@deal-scout/core';
import { describe, expect, it } from 'vitest';
import { calculatePoshmarkBundle } from '../bundles/calculate-poshmark-bundle';
import { calculatePoshmarkProceeds, PoshmarkFeeScheduleSchema } from './poshmark-fees';

const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('Poshmark fees and net proceeds', () => {
  it.each([
    [1_000, 295, 705],
    [1_499, 295, 1_204],
    [1_500, 300, 1_200],
    [3_800, 760, 3_040],
    [12_345, 2_469, 9_876],
    [200, 200, 0],
  ])('a sale at %i cents pays %i in fees and nets %i', (price, fee, net) => {
    expect(calculatePoshmarkProceeds(usd(price))).toEqual({
      price: usd(price),
      fee: usd(fee),
      net: usd(net),
    });
  });

  it('uses a host-supplied schedule and refuses a currency it does not cover', () => {
    const cad = PoshmarkFeeScheduleSchema.parse({
      currency: 'CAD',
      threshold: 2_000,
      flatFee: 395,
      rate: 0.2,
    });
    expect(calculatePoshmarkProceeds({ amount: 1_999, currency: 'CAD' }, cad).fee.amount).toBe(395);
    expect(() => calculatePoshmarkProceeds({ amount: 1_999, currency: 'CAD' })).toThrow(ValidationError);
  });
});

describe('Poshmark bundles', () => {
  it('discounts the subtotal, charges one label and takes the fee from the bundle price', () => {
    expect(
      calculatePoshmarkBundle({ items: [usd(3_800), usd(2_500), usd(1_200)], discountPercent: 15 }),
    ).toEqual({
      currency: 'USD',
      subtotal: 7_500,
      discount: 1_125,
      bundlePrice: 6_375,
      shipping: 767,
      buyerTotal: 7_142,
      fee: 1_275,
      sellerNet: 5_100,
    });
  });

  it('lets the seller pay part of the label, out of the net', () => {
    const quote = calculatePoshmarkBundle({ items: [usd(1_000), usd(1_000)], sellerShippingDiscount: 300 });
    expect(quote).toMatchObject({ bundlePrice: 2_000, shipping: 467, fee: 400, sellerNet: 1_300 });
  });

  it('rejects mixed currencies and an empty bundle with a ValidationError', () => {
    expect(() => calculatePoshmarkBundle({ items: [] })).toThrow(ValidationError);
    expect(() => calculatePoshmarkBundle({ items: [usd(100), { amount: 100, currency: 'CAD' }] })).toThrow(
      /items/,
    );
    expect(() => calculatePoshmarkBundle({ items: [usd(100)], discountPercent: 120 })).toThrow(
      ValidationError,
    );
  });
});
