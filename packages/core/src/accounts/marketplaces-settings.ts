import { z } from 'zod';
import { type TokenVaultSettings, TokenVaultSettingsSchema } from './token-vault';

/** Settings of the marketplaces service (`scout.marketplaces`). */
export const MarketplacesSettingsSchema = z.object({
  /** Keys that encrypt stored tokens; required before any account can be connected. */
  tokenEncryption: TokenVaultSettingsSchema.optional(),
  /** How long an OAuth `state` stays valid between start and callback, in milliseconds (default 10 min). */
  stateTtlMs: z.number().int().min(10_000).max(3_600_000).default(600_000),
  /** Tokens expiring within this many milliseconds are refreshed before a call (default 5 min). */
  refreshSkewMs: z.number().int().min(0).max(86_400_000).default(300_000),
  /**
   * How long a publish may be in flight before a retry of the same cross-post may try again
   * (default 15 min). Within it, a retry answers `in_progress` and sends nothing.
   */
  publishLeaseMs: z.number().int().min(1_000).max(86_400_000).default(900_000),
});

export type MarketplacesSettings = Omit<z.input<typeof MarketplacesSettingsSchema>, 'tokenEncryption'> & {
  readonly tokenEncryption?: TokenVaultSettings;
};
export type ResolvedMarketplacesSettings = z.output<typeof MarketplacesSettingsSchema>;
