import { AuthenticationError, DealScoutError } from '@deal-scout/core';
import type { MiddlewareHandler } from 'hono';
import type { TokenService } from '../auth/tokens';
import type { AppEnv } from './app-types';
import { httpProblem, problemResponse, toProblem } from './problem';

/** Requires a valid bearer token and puts the caller on the context. */
export function requireAuth(tokens: TokenService): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    try {
      c.set('caller', await tokens.verify(token));
    } catch (error) {
      const problem = toProblem(
        DealScoutError.isInstance(error) ? error : new AuthenticationError({ message: 'invalid token' }),
      );
      const response = problemResponse(c, problem);
      response.headers.set('www-authenticate', 'Bearer realm="deal-scout"');
      return response;
    }
    await next();
  };
}

/** Requires the admin role (after `requireAuth`). */
export function requireAdmin(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get('caller').role !== 'admin')
      return problemResponse(c, httpProblem(403, 'FORBIDDEN', 'this route needs the admin role'));
    await next();
  };
}
