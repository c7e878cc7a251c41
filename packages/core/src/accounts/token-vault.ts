import { z } from 'zod';
import { AuthenticationError } from '../errors/authentication-error';
import { ConfigurationError } from '../errors/configuration-error';
import { parseInput } from '../shared/parse-input';
import { fromBase64, toBase64Url } from './base64url';

/**
 * Encryption keys for stored marketplace tokens. `keys` maps a key id to a base64 32-byte key;
 * new envelopes use `currentKeyId`, older ones decrypt with the key their envelope names, so keys
 * rotate by adding a new id, making it current, and keeping the old one until every account has
 * been used (or re-encrypted) once.
 */
export const TokenVaultSettingsSchema = z
  .object({
    keys: z
      .record(
        z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'key ids are 1–32 letters, digits, dashes or underscores'),
        z
          .string()
          .refine((value) => fromBase64(value)?.length === 32, 'must be a base64-encoded 32-byte key'),
      )
      .refine((keys) => Object.keys(keys).length > 0, 'needs at least one key'),
    currentKeyId: z.string().min(1),
  })
  .refine((settings) => settings.currentKeyId in settings.keys, {
    message: 'must name one of `keys`',
    path: ['currentKeyId'],
  });

export type TokenVaultSettings = z.input<typeof TokenVaultSettingsSchema>;

/** The secret part of a token set: what the vault encrypts. */
export type SealedTokens = {
  readonly accessToken: string;
  readonly refreshToken?: string;
  readonly refreshTokenExpiresAt?: string | null;
};

/** AES-256-GCM encryption of token sets, bound to the account they belong to. */
export type TokenVault = {
  /** Encrypts under the current key; the envelope is `v1.<keyId>.<iv>.<ciphertext>`. */
  seal(tokens: SealedTokens, accountId: string): Promise<string>;
  /**
   * Decrypts an envelope. Throws `AuthenticationError` (re-authenticate) when the envelope was
   * tampered with, belongs to another account, or names a key that is no longer configured.
   */
  open(envelope: string, accountId: string): Promise<SealedTokens>;
  /** True when the envelope was sealed with a key other than the current one. */
  needsRotation(envelope: string): boolean;
};

const TokensSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1).optional(),
  refreshTokenExpiresAt: z.string().nullable().optional(),
});

const encoder = new TextEncoder();

/**
 * Creates the vault on WebCrypto (`crypto.subtle`), so it runs on Node, Bun, Deno and edge runtimes.
 * Each envelope has a fresh 96-bit IV; the account id is the GCM additional data, so an envelope
 * copied onto another account does not open. Throws `ValidationError` for invalid settings.
 */
export function createTokenVault(settings: TokenVaultSettings): TokenVault {
  const config = parseInput(TokenVaultSettingsSchema, settings, { subject: 'token encryption settings' });
  const keys = new Map<string, Promise<CryptoKey>>();
  for (const [id, value] of Object.entries(config.keys)) {
    keys.set(
      id,
      crypto.subtle.importKey('raw', fromBase64(value) as Uint8Array<ArrayBuffer>, 'AES-GCM', false, [
        'encrypt',
        'decrypt',
      ]),
    );
  }
  const unreadable = (reason: string) =>
    new AuthenticationError({
      message: `stored marketplace tokens cannot be read (${reason}); the account must be connected again`,
      reauthenticate: true,
      source: 'accounts',
    });

  return {
    async seal(tokens, accountId) {
      const key = await (keys.get(config.currentKeyId) as Promise<CryptoKey>);
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const plaintext = encoder.encode(JSON.stringify(tokens));
      const ciphertext = new Uint8Array(
        await crypto.subtle.encrypt(
          { name: 'AES-GCM', iv, additionalData: encoder.encode(accountId) },
          key,
          plaintext,
        ),
      );
      return `v1.${config.currentKeyId}.${toBase64Url(iv)}.${toBase64Url(ciphertext)}`;
    },
    async open(envelope, accountId) {
      const [version, keyId, ivText, cipherText, extra] = envelope.split('.');
      if (version !== 'v1' || !keyId || !ivText || !cipherText || extra !== undefined) {
        throw unreadable('not a v1 envelope');
      }
      const key = keys.get(keyId);
      if (!key) throw unreadable(`key '${keyId}' is not configured`);
      const iv = fromBase64(ivText);
      const ciphertext = fromBase64(cipherText);
      if (iv?.length !== 12 || !ciphertext) throw unreadable('malformed envelope');
      let plaintext: ArrayBuffer;
      try {
        plaintext = await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: iv as Uint8Array<ArrayBuffer>, additionalData: encoder.encode(accountId) },
          await key,
          ciphertext as Uint8Array<ArrayBuffer>,
        );
      } catch {
        throw unreadable('authentication tag does not verify');
      }
      const parsed = TokensSchema.safeParse(JSON.parse(new TextDecoder().decode(plaintext)));
      if (!parsed.success) throw unreadable('unexpected contents');
      return parsed.data;
    },
    needsRotation(envelope) {
      return envelope.split('.')[1] !== config.currentKeyId;
    },
  };
}

/** The error the service raises when an account operation needs token encryption that was not configured. */
export function missingVaultError(): ConfigurationError {
  return new ConfigurationError({
    message:
      'connecting marketplace accounts needs marketplaceAccounts.tokenEncryption: { keys: { <id>: <base64 32-byte key> }, currentKeyId }',
    source: 'accounts',
  });
}
