import { z } from 'zod';
import type { FacebookSearchTransport } from './search/facebook-search-transport';

/** Reads an environment variable where a process environment exists (Node, Bun); undefined elsewhere. */
export function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.[name];
  return value === undefined || value === '' ? undefined : value;
}

/** The validated, defaulted settings the adapter works with. */
export const FacebookSettingsSchema = z.object({
  /** The Meta app id (`FACEBOOK_APP_ID`). */
  appId: z.string().regex(/^\d{1,32}$/, 'must be the numeric Meta app id'),
  /** The Meta app secret (`FACEBOOK_APP_SECRET`); signs webhooks and authorises token exchanges. */
  appSecret: z.string().min(8, 'must be the app secret from the Meta app dashboard'),
  /** Graph API version used for every call and the login dialog. */
  graphApiVersion: z
    .string()
    .regex(/^v\d+\.\d+$/, 'must look like v25.0')
    .default('v25.0'),
  /** Permissions requested at login when the caller names none. */
  scopes: z.array(z.string().min(1)).default(['public_profile', 'catalog_management']),
  /** Token chosen in the app dashboard to answer `hub.verify_token` (`FACEBOOK_WEBHOOK_VERIFY_TOKEN`). */
  webhookVerifyToken: z.string().min(1).optional(),
  /** The Marketplace Partnership product catalogue (`FACEBOOK_CATALOG_ID`); publishing needs it. */
  catalogId: z
    .string()
    .regex(/^\d{1,32}$/, 'must be a numeric catalogue id')
    .optional(),
  /** Where an item is shown on the partner's site; `{sku}` is replaced. Required to publish. */
  productUrlTemplate: z.string().includes('{sku}').optional(),
  /** The partner's checkout page for an item (`partner_product_checkout_uri`); `{sku}` is replaced. */
  checkoutUrlTemplate: z.string().includes('{sku}').optional(),
  /** `partner_item_country` when the draft's location has none (ISO 3166-1 alpha-2). */
  itemCountry: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .default('US'),
  /** Batch status checks after a publish before answering `pending`; 0 answers at once. */
  batchStatusChecks: z.number().int().min(0).max(20).default(3),
  /** Pause between batch status checks, in milliseconds. */
  batchStatusIntervalMs: z.number().int().min(0).max(60_000).default(2_000),
  /** URL path suffix of the data-deletion callback; other signed-request callbacks are deauthorisations. */
  dataDeletionPathSuffix: z.string().min(1).default('/data-deletion'),
  /** Page where a user can check a deletion request; `{code}` is replaced with the confirmation code. */
  dataDeletionStatusUrlTemplate: z.url().optional(),
  /** Per-request timeout, milliseconds. */
  timeoutMs: z.number().int().min(100).max(120_000).default(15_000),
  graphBaseUrl: z.url().default('https://graph.facebook.com'),
  dialogBaseUrl: z.url().default('https://www.facebook.com'),
});

/** Settings of `createFacebookMarketplace`. Strings fall back to the environment variables named. */
export type FacebookSettings = Partial<z.input<typeof FacebookSettingsSchema>> & {
  /** Injected fetch (tests, proxies, edge runtimes). Defaults to the global fetch. */
  readonly fetch?: typeof globalThis.fetch;
  /** The host's implementation of Marketplace search; without it `capabilities.search` is false. */
  readonly searchTransport?: FacebookSearchTransport;
  /** Waits between batch status checks; defaults to a timer. Tests pass an instant one. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The current time, for token expiry; defaults to the system clock. */
  readonly now?: () => Date;
};

export type ResolvedFacebookSettings = z.output<typeof FacebookSettingsSchema>;
