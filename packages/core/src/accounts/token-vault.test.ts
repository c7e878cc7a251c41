import { describe, expect, it } from 'vitest';
import { AuthenticationError } from '../errors/authentication-error';
import { ValidationError } from '../errors/validation-error';
import { toBase64Url } from './base64url';
import { createTokenVault } from './token-vault';

const key = (fill: number) => Buffer.alloc(32, fill).toString('base64');
const tokens = {
  accessToken: 'access-token-secret-123',
  refreshToken: 'refresh-token-secret-456',
  refreshTokenExpiresAt: null,
};

describe('token vault', () => {
  const vault = createTokenVault({ keys: { k1: key(1) }, currentKeyId: 'k1' });

  it('round-trips tokens in a v1 envelope that does not contain them', async () => {
    const envelope = await vault.seal(tokens, 'acct_1');
    expect(envelope).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(envelope).not.toContain('secret');
    expect(await vault.open(envelope, 'acct_1')).toEqual(tokens);
  });

  it('uses a fresh IV each time, so equal tokens give different envelopes', async () => {
    expect(await vault.seal(tokens, 'acct_1')).not.toBe(await vault.seal(tokens, 'acct_1'));
  });

  it('refuses an envelope copied onto another account', async () => {
    const envelope = await vault.seal(tokens, 'acct_1');
    await expect(vault.open(envelope, 'acct_2')).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('refuses a tampered ciphertext, asking for re-authentication', async () => {
    const envelope = await vault.seal(tokens, 'acct_1');
    const parts = envelope.split('.');
    const bytes = Buffer.from(parts[3] as string, 'base64url');
    bytes[0] = (bytes[0] as number) ^ 0xff;
    const tampered = [...parts.slice(0, 3), toBase64Url(bytes)].join('.');
    const error = await vault.open(tampered, 'acct_1').catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).reauthenticate).toBe(true);
    await expect(vault.open('not-an-envelope', 'acct_1')).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('rotates keys: old envelopes open with their key id, new ones use the current key', async () => {
    const old = await vault.seal(tokens, 'acct_1');
    const rotated = createTokenVault({ keys: { k1: key(1), k2: key(2) }, currentKeyId: 'k2' });
    expect(rotated.needsRotation(old)).toBe(true);
    expect(await rotated.open(old, 'acct_1')).toEqual(tokens);
    const fresh = await rotated.seal(tokens, 'acct_1');
    expect(fresh.startsWith('v1.k2.')).toBe(true);
    expect(rotated.needsRotation(fresh)).toBe(false);
    const retired = createTokenVault({ keys: { k2: key(2) }, currentKeyId: 'k2' });
    await expect(retired.open(old, 'acct_1')).rejects.toThrow(/key 'k1' is not configured/);
  });

  it('validates its settings', () => {
    expect(() => createTokenVault({ keys: { k1: 'c2hvcnQ=' }, currentKeyId: 'k1' })).toThrow(ValidationError);
    expect(() => createTokenVault({ keys: { k1: key(1) }, currentKeyId: 'k9' })).toThrow(/currentKeyId/);
    expect(() => createTokenVault({ keys: { 'bad.id': key(1) }, currentKeyId: 'bad.id' })).toThrow(
      ValidationError,
    );
  });
});
