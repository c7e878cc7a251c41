import { MarketplaceRequestError } from '@deal-scout/core';
import { z } from 'zod';
import type { EbayHttpClient } from '../http/create-ebay-http-client';

/**
 * The Identity API's `getUser` answer (developer.ebay.com/api-docs/commerce/identity/resources/user/
 * methods/getUser). No OpenAPI file for the Identity API is in `specs/ebay`, so this follows the
 * documented shape: `userId` is the same immutable id eBay sends in account-deletion notifications.
 */
const EbayUserSchema = z.object({
  userId: z.string().min(1),
  username: z.string().min(1).optional(),
  registrationMarketplaceId: z.string().optional(),
});

export type EbayUser = z.infer<typeof EbayUserSchema>;

/** Who a user access token belongs to (`GET /commerce/identity/v1/user/`). */
export async function fetchEbayUser(options: {
  readonly http: EbayHttpClient;
  readonly identityHost: string;
  readonly accessToken: string;
  readonly signal?: AbortSignal | undefined;
}): Promise<EbayUser> {
  const response = await options.http.send({
    method: 'GET',
    url: `${options.identityHost}/commerce/identity/v1/user/`,
    operation: 'getUser',
    authorization: `Bearer ${options.accessToken}`,
    signal: options.signal,
  });
  const parsed = EbayUserSchema.safeParse(response.data);
  if (!parsed.success) {
    throw new MarketplaceRequestError({
      message: 'getUser answered without a userId',
      source: 'ebay',
      status: response.status,
    });
  }
  return parsed.data;
}
