import { AuthenticationError } from '@deal-scout/core';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { User } from './users';

const issuer = 'deal-scout-reference-server';
const audience = 'deal-scout-api';

/** The caller as a verified bearer token describes them. */
export type Caller = { userId: string; role: 'user' | 'admin' };

/** Issues and verifies HS256 JWT bearer tokens with an expiry. */
export function createTokenService(options: { secret: string; ttlSeconds: number; now?: () => Date }) {
  // Imported once: handing jose the raw secret would import it again for every token.
  const key = crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(options.secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
  const now = options.now ?? (() => new Date());
  return {
    async issue(user: User): Promise<{ accessToken: string; expiresIn: number; tokenType: 'Bearer' }> {
      const issuedAt = Math.floor(now().getTime() / 1000);
      const accessToken = await new SignJWT({ role: user.role })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(user.id)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + options.ttlSeconds)
        .sign(await key);
      return { accessToken, expiresIn: options.ttlSeconds, tokenType: 'Bearer' };
    },
    /** Verifies a token; throws `AuthenticationError` for a missing, forged or expired one. */
    async verify(token: string | undefined): Promise<Caller> {
      if (!token) throw new AuthenticationError({ message: 'a bearer token is required' });
      try {
        const { payload } = await jwtVerify(token, await key, {
          issuer,
          audience,
          algorithms: ['HS256'],
          currentDate: now(),
        });
        const role = payload.role === 'admin' ? 'admin' : 'user';
        if (typeof payload.sub !== 'string')
          throw new AuthenticationError({ message: 'the token names no user' });
        return { userId: payload.sub, role };
      } catch (error) {
        if (error instanceof AuthenticationError) throw error;
        const expired = error instanceof errors.JWTExpired;
        throw new AuthenticationError({
          message: expired ? 'the token has expired' : 'the token is invalid',
        });
      }
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;
