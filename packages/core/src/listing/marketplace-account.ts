import { z } from 'zod';
import { IdSchema, SlugSchema } from '../shared/ids';
import { TimestampSchema } from '../shared/timestamp';

/** Whether a connected account can be used, or the user must connect it again. */
export const MarketplaceAccountStatusSchema = z.enum(['active', 'reauthentication_required', 'revoked']);

/**
 * A user's connection to a marketplace. Tokens are never part of this object: they are stored
 * encrypted (AES-256-GCM, with a key id for rotation) in `encryptedTokens`, which only the runtime
 * decrypts, and never appear in logs, errors or events.
 */
export const MarketplaceAccountSchema = z.object({
  id: IdSchema,
  userId: IdSchema,
  marketplace: SlugSchema,
  /** The account's id on the marketplace (eBay user id, Facebook page id). */
  externalAccountId: z.string().min(1).max(200),
  displayName: z.string().max(200).optional(),
  scopes: z.array(z.string().max(300)).default([]),
  status: MarketplaceAccountStatusSchema,
  /** When the access token expires; `null` when it does not, or is unknown. */
  accessTokenExpiresAt: TimestampSchema.nullable(),
  /** Opaque envelope `v1.<keyId>.<iv>.<ciphertext>` produced by the token vault. */
  encryptedTokens: z.string().min(1).max(20_000),
  /** Non-secret marketplace data (Facebook page id, eBay marketplace id). */
  marketplaceData: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  connectedAt: TimestampSchema,
  updatedAt: TimestampSchema,
});

export type MarketplaceAccount = z.output<typeof MarketplaceAccountSchema>;

/** The account as shown to hosts and users: everything but the encrypted tokens. */
export type MarketplaceAccountView = Omit<MarketplaceAccount, 'encryptedTokens'>;
