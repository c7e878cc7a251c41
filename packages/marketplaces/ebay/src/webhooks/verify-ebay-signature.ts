import { createPublicKey, verify } from 'node:crypto';
import { AuthenticationError } from '@deal-scout/core';
import type { EbayPublicKey } from './create-public-key-cache';
import type { EbaySignatureHeader } from './parse-ebay-signature-header';

/** eBay's `digest` names mapped to node:crypto hash names. */
const digests: Readonly<Record<string, string>> = {
  SHA1: 'sha1',
  SHA256: 'sha256',
  SHA384: 'sha384',
  SHA512: 'sha512',
};

/**
 * eBay sends the key as PEM, sometimes on one line; re-wrapping the base64 in 64-character lines
 * between the markers gives a PEM every crypto library reads (as eBay's own SDK does).
 */
export function normalisePem(key: string): string {
  const body = key
    .replace(/-----BEGIN PUBLIC KEY-----/, '')
    .replace(/-----END PUBLIC KEY-----/, '')
    .replace(/\s+/g, '');
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n`;
}

/**
 * Verifies an eBay notification: ECDSA with the hash the header's `digest` names (eBay uses SHA1
 * today and has shown SHA256), DER-encoded signature in base64, over the raw body. eBay's own SDK
 * verifies over `JSON.stringify(JSON.parse(body))`; a body that only verifies in that compact form
 * is accepted too, since it carries exactly the signed content. Throws `AuthenticationError`
 * (SIGNATURE_INVALID) otherwise.
 */
export function verifyEbaySignature(header: EbaySignatureHeader, key: EbayPublicKey, body: Uint8Array): void {
  const forged = (message: string) => new AuthenticationError({ message, signature: true, source: 'ebay' });
  if (header.alg.toLowerCase() !== 'ecdsa') throw forged(`unsupported signature algorithm '${header.alg}'`);
  if (key.algorithm && key.algorithm.toUpperCase() !== 'ECDSA')
    throw forged(`key '${header.kid}' is not an ECDSA key`);
  const hash = digests[header.digest.toUpperCase().replace('-', '')];
  if (!hash) throw forged(`unsupported signature digest '${header.digest}'`);

  let publicKey: ReturnType<typeof createPublicKey>;
  try {
    publicKey = createPublicKey(normalisePem(key.key));
  } catch {
    throw forged(`key '${header.kid}' is not a readable public key`);
  }
  const signature = Buffer.from(header.signature, 'base64');
  const check = (data: Uint8Array) => {
    try {
      return verify(hash, data, { key: publicKey, dsaEncoding: 'der' }, signature);
    } catch {
      return false;
    }
  };
  if (check(body)) return;
  const compact = compactJson(body);
  if (compact && check(compact)) return;
  throw forged('the notification signature does not match its body');
}

function compactJson(body: Uint8Array): Uint8Array | null {
  try {
    return new TextEncoder().encode(JSON.stringify(JSON.parse(new TextDecoder().decode(body))));
  } catch {
    return null;
  }
}
