import { type ListingDraft, ValidationError } from '@deal-scout/core';
import type { EbayHttpClient } from '../http/create-ebay-http-client';
import type { EbayLocationAddress } from '../settings/ebay-marketplace-settings';

/**
 * The address an inventory location is created with: the settings' `inventoryLocation`, else the
 * draft's location when it has a country and either a postal code or a city and region (what eBay
 * requires of a warehouse location). `null` when neither is enough.
 */
export function locationAddressFor(
  draft: ListingDraft,
  configured: EbayLocationAddress | undefined,
): EbayLocationAddress | null {
  if (configured) return configured;
  const location = draft.location;
  if (!location?.country) return null;
  if (!location.postalCode && !(location.city && location.region)) return null;
  return {
    country: location.country,
    ...(location.postalCode ? { postalCode: location.postalCode } : {}),
    ...(location.city ? { city: location.city } : {}),
    ...(location.region ? { stateOrProvince: location.region } : {}),
  };
}

/**
 * Makes sure the seller's inventory location exists: `getInventoryLocation`, and on 404
 * `createInventoryLocation` as an enabled warehouse at `address`. When the location is missing and
 * there is no address, throws `ValidationError` before anything is written.
 */
export async function ensureInventoryLocation(options: {
  readonly http: EbayHttpClient;
  readonly inventoryBase: string;
  readonly authorization: string;
  readonly merchantLocationKey: string;
  readonly address: EbayLocationAddress | null;
  readonly signal?: AbortSignal | undefined;
}): Promise<'existing' | 'created'> {
  const url = `${options.inventoryBase}/location/${encodeURIComponent(options.merchantLocationKey)}`;
  const found = await options.http.send({
    method: 'GET',
    url,
    operation: 'getInventoryLocation',
    authorization: options.authorization,
    acceptStatuses: [404],
    signal: options.signal,
  });
  if (found.status !== 404) return 'existing';
  if (!options.address) {
    throw new ValidationError({
      issues: [
        {
          field: 'marketplaceOptions.ebay.merchantLocationKey',
          message: `inventory location '${options.merchantLocationKey}' does not exist and there is no address to create it (settings.inventoryLocation or the draft's location with a country and postal code)`,
        },
      ],
      subject: 'eBay listing',
      source: 'ebay',
    });
  }
  await options.http.send({
    method: 'POST',
    url,
    operation: 'createInventoryLocation',
    authorization: options.authorization,
    headers: { 'Content-Type': 'application/json' },
    json: {
      location: { address: options.address },
      locationTypes: ['WAREHOUSE'],
      merchantLocationStatus: 'ENABLED',
      name: options.merchantLocationKey,
    },
    signal: options.signal,
  });
  return 'created';
}
