import { createHmac, timingSafeEqual } from 'node:crypto';
import { AuthenticationError } from '@deal-scout/core';

/** Who a one-click unsubscribe link is for, and from which list. */
export type UnsubscribeClaim = { userId: string; list: 'deal_alerts' | 'digest' };

/**
 * Opaque, signed, non-expiring unsubscribe tokens (RFC 8058 links must keep working): the claim
 * as base64url JSON plus an HMAC-SHA256 over it. Synchronous, because the SDK builds the URL while
 * rendering an email.
 */
export function createUnsubscribeTokens(secret: string) {
  const sign = (payload: string) =>
    createHmac('sha256', `unsubscribe:${secret}`).update(payload).digest('base64url');
  return {
    issue(claim: UnsubscribeClaim): string {
      const payload = Buffer.from(JSON.stringify({ u: claim.userId, l: claim.list })).toString('base64url');
      return `${payload}.${sign(payload)}`;
    },
    verify(token: string): UnsubscribeClaim {
      const [payload, signature] = token.split('.');
      const expected = payload ? Buffer.from(sign(payload)) : Buffer.alloc(0);
      const given = Buffer.from(signature ?? '');
      if (!payload || given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new AuthenticationError({ message: 'the unsubscribe link is invalid', signature: true });
      }
      const { u, l } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
        u: string;
        l: UnsubscribeClaim['list'];
      };
      return { userId: u, list: l };
    },
  };
}

export type UnsubscribeTokens = ReturnType<typeof createUnsubscribeTokens>;
