import { MoneySchema, parseInput } from '@deal-scout/core';
import { z } from 'zod';
import {
  calculatePoshmarkProceeds,
  defaultPoshmarkFeeSchedule,
  type PoshmarkFeeSchedule,
} from '../fees/poshmark-fees';

/**
 * A bundle: several listings of one seller bought together, with the seller's bundle discount and
 * one shipping label for the whole parcel.
 */
export const PoshmarkBundleInputSchema = z
  .object({
    items: z.array(MoneySchema).min(1, 'a bundle needs at least one item').max(100),
    /** The seller's bundle discount, percent of the subtotal (0–100). */
    discountPercent: z.number().min(0).max(100).default(0),
    /** How much of the label the seller pays as a shipping discount, minor units. */
    sellerShippingDiscount: z.number().int().nonnegative().default(0),
  })
  .refine((input) => new Set(input.items.map((item) => item.currency)).size === 1, {
    message: 'every item must be in the same currency',
    path: ['items'],
  });

export type PoshmarkBundleInput = z.input<typeof PoshmarkBundleInputSchema>;

/** What a bundle costs the buyer and pays the seller, all in minor units of one currency. */
export type PoshmarkBundleQuote = {
  readonly currency: string;
  readonly subtotal: number;
  readonly discount: number;
  /** Subtotal minus discount: the price Poshmark's fee is taken from. */
  readonly bundlePrice: number;
  /** The buyer's share of the single label. */
  readonly shipping: number;
  /** What the buyer pays: bundle price plus shipping. */
  readonly buyerTotal: number;
  readonly fee: number;
  /** Bundle price minus fee minus the seller's shipping discount. */
  readonly sellerNet: number;
};

/**
 * Prices a bundle: one discount on the subtotal (rounded to the minor unit), one label, and the fee
 * on the discounted bundle price. Throws `ValidationError` for bad input.
 */
export function calculatePoshmarkBundle(
  input: PoshmarkBundleInput,
  schedule: PoshmarkFeeSchedule = defaultPoshmarkFeeSchedule,
): PoshmarkBundleQuote {
  const bundle = parseInput(PoshmarkBundleInputSchema, input, {
    subject: 'Poshmark bundle',
    source: 'poshmark',
  });
  const currency = bundle.items[0]?.currency as string;
  const subtotal = bundle.items.reduce((sum, item) => sum + item.amount, 0);
  const discount = Math.round((subtotal * bundle.discountPercent) / 100);
  const bundlePrice = subtotal - discount;
  const sellerShipping = Math.min(bundle.sellerShippingDiscount, schedule.shippingLabel);
  const shipping = schedule.shippingLabel - sellerShipping;
  const { fee } = calculatePoshmarkProceeds({ amount: bundlePrice, currency }, schedule);
  return {
    currency,
    subtotal,
    discount,
    bundlePrice,
    shipping,
    buyerTotal: bundlePrice + shipping,
    fee: fee.amount,
    sellerNet: bundlePrice - fee.amount - sellerShipping,
  };
}
