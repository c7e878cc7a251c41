import type { ClockV1 } from '@deal-scout/core';
import { z } from 'zod';
import { ebayMarketplaceIds } from './ebay-marketplace-ids';

/** The user scopes asked for on the consent page unless the host passes its own. */
export const defaultEbayUserScopes = [
  'https://api.ebay.com/oauth/api_scope',
  'https://api.ebay.com/oauth/api_scope/sell.inventory',
  'https://api.ebay.com/oauth/api_scope/sell.account',
  'https://api.ebay.com/oauth/api_scope/commerce.identity.readonly',
] as const;

/** The scope of the application (client-credentials) token used for Browse, Taxonomy and Notification. */
export const ebayApplicationScope = 'https://api.ebay.com/oauth/api_scope';

const businessPoliciesSchema = z.object({
  /** Account API fulfillment (shipping) policy id. */
  fulfillmentPolicyId: z.string().min(1).max(64).optional(),
  /** Account API payment policy id. */
  paymentPolicyId: z.string().min(1).max(64).optional(),
  /** Account API return policy id. */
  returnPolicyId: z.string().min(1).max(64).optional(),
});

/** A postal address for an inventory location the adapter creates when it does not exist yet. */
export const EbayLocationAddressSchema = z.object({
  addressLine1: z.string().min(1).max(128).optional(),
  city: z.string().min(1).max(128).optional(),
  stateOrProvince: z.string().min(1).max(128).optional(),
  postalCode: z.string().min(1).max(16).optional(),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'),
});
export type EbayLocationAddress = z.infer<typeof EbayLocationAddressSchema>;

/** Validates {@link EbayMarketplaceSettings}; every field is documented in the package README. */
export const EbayMarketplaceSettingsSchema = z.object({
  clientId: z.string().trim().min(1, 'is required (EBAY_CLIENT_ID)'),
  clientSecret: z.string().trim().min(1, 'is required (EBAY_CLIENT_SECRET)'),
  ruName: z.string().trim().min(1).optional(),
  environment: z.enum(['production', 'sandbox']).default('production'),
  marketplaceId: z.enum(ebayMarketplaceIds).default('EBAY_US'),
  userScopes: z
    .array(z.string().url())
    .min(1)
    .default([...defaultEbayUserScopes]),
  verificationToken: z
    .string()
    .regex(/^[A-Za-z0-9_-]{32,80}$/, 'must be 32–80 letters, digits, underscores or dashes')
    .optional(),
  endpointUrl: z
    .string()
    .url()
    .refine((value) => value.startsWith('https://'), 'must be an https URL')
    .optional(),
  businessPolicies: businessPoliciesSchema.default({}),
  merchantLocationKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,36}$/, 'must be 1–36 letters, digits, underscores or dashes')
    .optional(),
  inventoryLocation: EbayLocationAddressSchema.optional(),
  dailyCallBudget: z.number().int().positive().nullable().default(5000),
  requestsPerSecond: z.number().positive().max(1000).default(5),
  concurrency: z.number().int().positive().max(100).default(4),
  publicKeyCacheTtlMs: z.number().int().min(0).default(3_600_000),
  timeoutMs: z.number().int().positive().default(30_000),
  fetch: z
    .custom<typeof globalThis.fetch>((value) => typeof value === 'function', 'must be a function')
    .optional(),
  clock: z
    .custom<ClockV1>(
      (value) => typeof value === 'object' && value !== null && typeof (value as ClockV1).now === 'function',
      'must be a clock',
    )
    .optional(),
});

/**
 * Settings of {@link createEbayMarketplace}. Only `clientId` and `clientSecret` are required;
 * `ruName` enables seller connection, `verificationToken` + `endpointUrl` the account-deletion
 * webhook, `businessPolicies` + `merchantLocationKey` are defaults for publishing.
 */
export type EbayMarketplaceSettings = z.input<typeof EbayMarketplaceSettingsSchema>;

/** Settings after validation, defaults filled. */
export type ResolvedEbaySettings = z.output<typeof EbayMarketplaceSettingsSchema>;

/**
 * Reads settings from environment variables (`EBAY_CLIENT_ID`, `EBAY_CLIENT_SECRET`, `EBAY_RU_NAME`,
 * `EBAY_ENVIRONMENT`, `EBAY_MARKETPLACE_ID`, `EBAY_VERIFICATION_TOKEN`, `EBAY_ENDPOINT_URL`,
 * `EBAY_MERCHANT_LOCATION_KEY`, `EBAY_FULFILLMENT_POLICY_ID`, `EBAY_PAYMENT_POLICY_ID`,
 * `EBAY_RETURN_POLICY_ID`, `EBAY_DAILY_CALL_BUDGET`). Unset variables are left out, so
 * `createEbayMarketplace` reports what is missing; explicit `overrides` win.
 */
export function ebaySettingsFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
  overrides: Partial<EbayMarketplaceSettings> = {},
): EbayMarketplaceSettings {
  const read = (name: string) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const budget = read('EBAY_DAILY_CALL_BUDGET');
  const settings: Record<string, unknown> = {
    clientId: read('EBAY_CLIENT_ID') ?? '',
    clientSecret: read('EBAY_CLIENT_SECRET') ?? '',
    ruName: read('EBAY_RU_NAME'),
    environment: read('EBAY_ENVIRONMENT'),
    marketplaceId: read('EBAY_MARKETPLACE_ID'),
    verificationToken: read('EBAY_VERIFICATION_TOKEN'),
    endpointUrl: read('EBAY_ENDPOINT_URL'),
    merchantLocationKey: read('EBAY_MERCHANT_LOCATION_KEY'),
    businessPolicies: {
      fulfillmentPolicyId: read('EBAY_FULFILLMENT_POLICY_ID'),
      paymentPolicyId: read('EBAY_PAYMENT_POLICY_ID'),
      returnPolicyId: read('EBAY_RETURN_POLICY_ID'),
    },
    dailyCallBudget: budget === undefined ? undefined : budget === 'none' ? null : Number(budget),
  };
  for (const key of Object.keys(settings)) if (settings[key] === undefined) delete settings[key];
  return { ...(settings as EbayMarketplaceSettings), ...overrides };
}
