import type { Listing } from './listing';

/** Listings that passed `ListingSchema` in this copy of core and were frozen right after. */
const validated = new WeakSet<object>();

function freezeDeep(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  for (const item of Object.values(value)) freezeDeep(item);
  Object.freeze(value);
}

/**
 * Freezes a listing that `ListingSchema` produced (with everything it holds) and remembers it as
 * valid, so the steps after validation, such as storage, need not validate it again. Frozen, it
 * cannot become invalid later; a copy (`{ ...listing }`) is a new, unremembered object, so a
 * changed listing is validated again. Use it only on the output of `ListingSchema` (or on a
 * field-wise change known to keep it valid): it is a promise, not a check.
 */
export function sealValidatedListing<T extends Listing>(listing: T): T {
  freezeDeep(listing);
  validated.add(listing);
  return listing;
}

/**
 * True when `value` is a listing that core validated and sealed ({@link sealValidatedListing}).
 * A listing from elsewhere (a host, another copy of core) is simply not known: validate it.
 */
export function isValidatedListing(value: unknown): value is Listing {
  return typeof value === 'object' && value !== null && validated.has(value);
}
