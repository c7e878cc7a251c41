import { AuthenticationError, ValidationError } from '@deal-scout/core';
import { decodeBase64Url, verifyHmac } from './hmac-sha256';

/** The verified payload of a Facebook `signed_request` (deauthorise and data-deletion callbacks). */
export type SignedRequestPayload = {
  readonly algorithm: string;
  readonly user_id: string;
  readonly issued_at?: number;
};

const forged = (reason: string) =>
  new AuthenticationError({
    message: `Facebook signed_request ${reason}`,
    signature: true,
    source: 'facebook',
  });

/**
 * Verifies and decodes a `signed_request`: `<base64url HMAC-SHA256 signature>.<base64url JSON payload>`,
 * the signature computed with the app secret over the encoded payload
 * (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow#deauth-callback).
 * Throws `AuthenticationError` (code `SIGNATURE_INVALID`) before looking at the payload when it does not verify.
 */
export async function parseSignedRequest(
  signedRequest: string,
  key: CryptoKey,
): Promise<SignedRequestPayload> {
  const [encodedSignature, encodedPayload, extra] = signedRequest.split('.');
  if (!encodedSignature || !encodedPayload || extra !== undefined) throw forged('is malformed');
  const signature = decodeBase64Url(encodedSignature);
  if (!signature) throw forged('has a malformed signature');
  const valid = await verifyHmac(key, signature, new TextEncoder().encode(encodedPayload));
  if (!valid) throw forged('signature does not verify');
  const payloadBytes = decodeBase64Url(encodedPayload);
  let payload: unknown;
  try {
    payload = payloadBytes ? JSON.parse(new TextDecoder().decode(payloadBytes)) : null;
  } catch {
    payload = null;
  }
  const candidate = payload as Partial<SignedRequestPayload> | null;
  if (
    !candidate ||
    typeof candidate.algorithm !== 'string' ||
    candidate.algorithm.toUpperCase() !== 'HMAC-SHA256' ||
    typeof candidate.user_id !== 'string' ||
    candidate.user_id.length === 0
  ) {
    throw new ValidationError({
      issues: [{ field: 'signed_request', message: 'payload must be HMAC-SHA256 JSON with a user_id' }],
      subject: 'Facebook signed request',
      source: 'facebook',
    });
  }
  return candidate as SignedRequestPayload;
}
