import { toBase64Url } from './base64url';

/** A PKCE verifier (43 base64url characters from 32 random bytes) and its S256 challenge (RFC 7636). */
export async function createPkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return { verifier, challenge: toBase64Url(new Uint8Array(digest)) };
}

/** An unguessable OAuth `state` (256 random bits, base64url). */
export function createOAuthState(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}
