import { type Money, ValidationError } from '@deal-scout/core';
import { z } from 'zod';

/**
 * Poshmark's seller fee: a flat fee under a threshold, a percentage at or above it. Defaults are
 * Poshmark's US schedule ($2.95 under $15, 20% from $15) as published on third-party guides
 * (research/marketplaces.md §4, secondary); hosts can pass the current schedule.
 */
export const PoshmarkFeeScheduleSchema = z.object({
  currency: z.string().length(3).default('USD'),
  /** Minor units; sales below it pay `flatFee`. */
  threshold: z.number().int().nonnegative().default(1_500),
  /** Minor units. */
  flatFee: z.number().int().nonnegative().default(295),
  /** Fraction of the sale (0.2 = 20%) at or above the threshold. */
  rate: z.number().min(0).max(1).default(0.2),
  /** Prepaid label the buyer pays, minor units ($7.67, up to 5 lb). */
  shippingLabel: z.number().int().nonnegative().default(767),
});

export type PoshmarkFeeSchedule = z.output<typeof PoshmarkFeeScheduleSchema>;
export const defaultPoshmarkFeeSchedule: PoshmarkFeeSchedule = PoshmarkFeeScheduleSchema.parse({});

/** A sale's fee and what the seller keeps. */
export type PoshmarkProceeds = {
  readonly price: Money;
  readonly fee: Money;
  /** Price minus fee, never negative. */
  readonly net: Money;
};

/**
 * Fee and net proceeds of selling at `price`. The percentage fee is rounded to the nearest minor
 * unit. Throws `ValidationError` when the currency differs from the schedule's.
 */
export function calculatePoshmarkProceeds(
  price: Money,
  schedule: PoshmarkFeeSchedule = defaultPoshmarkFeeSchedule,
): PoshmarkProceeds {
  if (price.currency !== schedule.currency) {
    throw new ValidationError({
      issues: [{ field: 'price.currency', message: `the fee schedule is in ${schedule.currency}` }],
      subject: 'Poshmark fee calculation',
      source: 'poshmark',
    });
  }
  const feeAmount =
    price.amount < schedule.threshold ? schedule.flatFee : Math.round(price.amount * schedule.rate);
  const fee = Math.min(feeAmount, price.amount);
  return {
    price,
    fee: { amount: fee, currency: price.currency },
    net: { amount: price.amount - fee, currency: price.currency },
  };
}
