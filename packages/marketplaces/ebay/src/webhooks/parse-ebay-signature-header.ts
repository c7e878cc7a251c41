import { AuthenticationError } from '@deal-scout/core';
import { z } from 'zod';

/** The decoded `X-EBAY-SIGNATURE` header: base64 of `{ alg, kid, signature, digest }`. */
const SignatureHeaderSchema = z.object({
  alg: z.string().min(1),
  kid: z.string().min(1).max(200),
  signature: z.string().min(1),
  digest: z.string().min(1),
});

export type EbaySignatureHeader = z.infer<typeof SignatureHeaderSchema>;

/** Parses the header; anything unreadable is a forged request (`AuthenticationError`, SIGNATURE_INVALID). */
export function parseEbaySignatureHeader(header: string | undefined): EbaySignatureHeader {
  const forged = (message: string) => new AuthenticationError({ message, signature: true, source: 'ebay' });
  if (!header) throw forged('the notification has no X-EBAY-SIGNATURE header');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(header, 'base64').toString('utf8'));
  } catch {
    throw forged('the X-EBAY-SIGNATURE header is not base64-encoded JSON');
  }
  const parsed = SignatureHeaderSchema.safeParse(decoded);
  if (!parsed.success) throw forged('the X-EBAY-SIGNATURE header lacks alg, kid, signature or digest');
  return parsed.data;
}
