import { AuthenticationError } from '@deal-scout/core';
import { createRoute, z } from '@hono/zod-openapi';
import type { App, AppDependencies } from '../http/app-types';
import { ProblemSchema } from './shared-schemas';

const CredentialsSchema = z.object({
  email: z.email().max(320),
  password: z.string().min(10, 'must be at least 10 characters').max(200),
});
const TokenSchema = z.object({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number(),
});
const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(['user', 'admin']),
  createdAt: z.string(),
});

/** Register and log in; both answer with a bearer token. */
export function registerAuthRoutes(app: App, deps: AppDependencies): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/register',
      tags: ['Auth'],
      summary: 'Create an account',
      request: { body: { required: true, content: { 'application/json': { schema: CredentialsSchema } } } },
      responses: {
        201: {
          description: 'Registered',
          content: { 'application/json': { schema: z.object({ user: UserSchema, token: TokenSchema }) } },
        },
        400: {
          description: 'Invalid input',
          content: { 'application/problem+json': { schema: ProblemSchema } },
        },
        409: {
          description: 'E-mail taken',
          content: { 'application/problem+json': { schema: ProblemSchema } },
        },
      },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const user = await deps.users.register(email, password, deps.scout.clock.now().toISOString());
      return c.json({ user, token: await deps.tokens.issue(user) }, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/login',
      tags: ['Auth'],
      summary: 'Log in',
      request: { body: { required: true, content: { 'application/json': { schema: CredentialsSchema } } } },
      responses: {
        200: { description: 'Logged in', content: { 'application/json': { schema: TokenSchema } } },
        401: {
          description: 'Wrong e-mail or password',
          content: { 'application/problem+json': { schema: ProblemSchema } },
        },
      },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const user = await deps.users.authenticate(email, password);
      if (!user) throw new AuthenticationError({ message: 'wrong e-mail or password' });
      return c.json(await deps.tokens.issue(user), 200);
    },
  );
}
