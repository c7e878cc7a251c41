import {
  ConfigurationError,
  type MarketplaceWebhookEventV1,
  type MarketplaceWebhooksV1,
  ValidationError,
  type WebhookResponseV1,
} from '@deal-scout/core';
import { z } from 'zod';
import { computeChallengeResponse } from './compute-challenge-response';
import type { PublicKeyCache } from './create-public-key-cache';
import { parseEbaySignatureHeader } from './parse-ebay-signature-header';
import { verifyEbaySignature } from './verify-ebay-signature';

/** The notification envelope eBay posts (metadata + notification), as far as the adapter reads it. */
const NotificationSchema = z.object({
  metadata: z.object({ topic: z.string() }),
  notification: z.object({
    notificationId: z.string().optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
});
const AccountDeletionSchema = z.object({ userId: z.string().min(1), username: z.string().optional() });

const noContent: WebhookResponseV1 = { status: 204, headers: {}, body: '' };

/**
 * The marketplace-account-deletion endpoint every eBay application must run:
 * - `GET ?challenge_code=…` → 200 `{"challengeResponse": sha256hex(code + verificationToken + endpointUrl)}`;
 * - `POST` → verifies `X-EBAY-SIGNATURE` against the Notification API public key before the body is
 *   read, answers 204, and turns a MARKETPLACE_ACCOUNT_DELETION notification into
 *   `{ type: 'account.deleted', externalAccountId: userId }`, on which the runtime deletes that
 *   user's stored eBay data. Other topics are acknowledged with no event.
 * Forged or unsigned posts throw `AuthenticationError` (SIGNATURE_INVALID).
 */
export function createEbayWebhooks(options: {
  readonly verificationToken: string | undefined;
  readonly endpointUrl: string | undefined;
  readonly publicKeys: PublicKeyCache;
}): MarketplaceWebhooksV1 {
  const configured = () => {
    if (!options.verificationToken || !options.endpointUrl) {
      throw new ConfigurationError({
        message:
          'the account-deletion endpoint needs settings.verificationToken and settings.endpointUrl (EBAY_VERIFICATION_TOKEN, EBAY_ENDPOINT_URL)',
        source: 'ebay',
      });
    }
    return { verificationToken: options.verificationToken, endpointUrl: options.endpointUrl };
  };
  const invalid = (field: string, message: string) =>
    new ValidationError({ issues: [{ field, message }], subject: 'eBay notification', source: 'ebay' });

  return {
    async doHandle(request, handleOptions) {
      const method = request.method.toUpperCase();
      if (method === 'GET') {
        const { verificationToken, endpointUrl } = configured();
        const challengeCode = new URL(request.url, 'https://placeholder.invalid').searchParams.get(
          'challenge_code',
        );
        if (!challengeCode) throw invalid('challenge_code', 'is required on an endpoint validation request');
        const challengeResponse = await computeChallengeResponse(
          challengeCode,
          verificationToken,
          endpointUrl,
        );
        return {
          response: {
            status: 200,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ challengeResponse }),
          },
          events: [],
        };
      }
      if (method !== 'POST') {
        return { response: { status: 405, headers: { allow: 'GET, POST' }, body: '' }, events: [] };
      }
      configured();
      const header = parseEbaySignatureHeader(request.headers['x-ebay-signature']);
      const key = await options.publicKeys.get(header.kid, handleOptions?.signal);
      verifyEbaySignature(header, key, request.body);

      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder().decode(request.body));
      } catch {
        throw invalid('body', 'is not JSON');
      }
      const notification = NotificationSchema.safeParse(json);
      if (!notification.success) throw invalid('body', 'is not an eBay notification');
      const events: MarketplaceWebhookEventV1[] = [];
      if (notification.data.metadata.topic === 'MARKETPLACE_ACCOUNT_DELETION') {
        const data = AccountDeletionSchema.safeParse(notification.data.notification.data);
        if (!data.success) throw invalid('notification.data.userId', 'is required on an account deletion');
        events.push({
          type: 'account.deleted',
          externalAccountId: data.data.userId,
          ...(data.data.username ? { externalUserName: data.data.username } : {}),
        });
      }
      return { response: noContent, events };
    },
  };
}
