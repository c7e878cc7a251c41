import { type CategoryId, categoryIds, categoryParent } from '../listing/categories';

/**
 * How comparables are weighted. Each factor multiplies a candidate's 0–1 similarity or its weight;
 * the defaults are documented in `docs/pricing.md`.
 */
export type ComparableWeighting = {
  /** Weight of an asking price relative to a sold price (1). Default 0.6: asks overstate prices. */
  readonly askingPriceWeight: number;
  /** Age in days at which a comparable counts half. Default 30. */
  readonly halfLifeDays: number;
  /** Conditions further apart than this many steps on the scale are not comparable. Default 2. */
  readonly maxConditionSteps: number;
  /** When set, a comparable this many miles away counts e⁻¹ as much (prices are local). Default null. */
  readonly nearbyMi: number | null;
};

/** The defaults of {@link ComparableWeighting}. */
export const defaultComparableWeighting: ComparableWeighting = {
  askingPriceWeight: 0.6,
  halfLifeDays: 30,
  maxConditionSteps: 2,
  nearbyMi: null,
};

/**
 * How related two categories are: 1 for the same, 0.8 for parent and child, 0.5 for siblings
 * under the same parent, 0.7 when either is unknown, 0 otherwise (never comparable).
 */
export function categoryAffinity(a: CategoryId | null, b: CategoryId | null): number {
  if (a === null || b === null) return 0.7;
  if (a === b) return 1;
  const parentA = categoryParent(a);
  const parentB = categoryParent(b);
  if (parentA === b || parentB === a) return 0.8;
  if (parentA !== null && parentA === parentB) return 0.5;
  return 0;
}

/** Condition steps apart → factor: 0 → 1, 1 → 0.8, 2 → 0.55, beyond `maxSteps` → 0; unknown → 0.8. */
export function conditionAffinity(a: number | null, b: number | null, maxSteps: number): number {
  if (a === null || b === null || a < 0 || b < 0) return 0.8;
  const steps = Math.abs(a - b);
  if (steps > maxSteps) return 0;
  return steps === 0 ? 1 : steps === 1 ? 0.8 : 0.55;
}

/** Model years apart → e^(−0.35·Δ): one year 0.70, two 0.50, four 0.25. Unknown → 1. */
export function yearAffinity(a: number | null, b: number | null): number {
  if (a === null || b === null) return 1;
  return Math.exp(-0.35 * Math.abs(a - b));
}

/** Mileages → e^(−0.7·|Δ ln(1 + miles)|): 50k vs 100k miles ≈ 0.62. Unknown → 1. */
export function mileageAffinity(a: number | null, b: number | null): number {
  if (a === null || b === null) return 1;
  return Math.exp(-0.7 * Math.abs(Math.log1p(a) - Math.log1p(b)));
}

/** Category number of a listing without a category in {@link categoryIndex}. */
export const noCategory = 0;
/** Category id → its number (1…n) in {@link categoryAffinityTable}. */
export const categoryIndex = new Map<string, number>(categoryIds.map((id, i) => [id, i + 1]));
/** Rows (and columns) of {@link categoryAffinityTable}. */
export const categoryCount = categoryIds.length + 1;
/** {@link yearAffinity} by whole years apart, precomputed: the scoring loop runs per candidate. */
export const yearFactors = Float64Array.from({ length: 60 }, (_, gap) => yearAffinity(2000, 2000 + gap));
/** The decay rate of {@link mileageAffinity} per unit of Δ ln(1 + miles). */
export const mileageRate = -Math.log(mileageAffinity(0, Math.E - 1));
/** {@link categoryAffinity} of every pair of category numbers, precomputed for the scoring loop. */
export const categoryAffinityTable = new Float32Array(categoryCount * categoryCount);
for (let a = 0; a < categoryCount; a++) {
  for (let b = 0; b < categoryCount; b++) {
    categoryAffinityTable[a * categoryCount + b] = categoryAffinity(
      a === noCategory ? null : (categoryIds[a - 1] as CategoryId),
      b === noCategory ? null : (categoryIds[b - 1] as CategoryId),
    );
  }
}
