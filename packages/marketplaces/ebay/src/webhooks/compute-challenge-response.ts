/**
 * eBay's endpoint-validation answer: the lower-case hex SHA-256 of challengeCode +
 * verificationToken + endpoint URL, concatenated in that order (eBay's marketplace-account-deletion
 * documentation and its event-notification SDK). The endpoint must be exactly the URL registered
 * with eBay.
 */
export async function computeChallengeResponse(
  challengeCode: string,
  verificationToken: string,
  endpointUrl: string,
): Promise<string> {
  const bytes = new TextEncoder().encode(`${challengeCode}${verificationToken}${endpointUrl}`);
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
