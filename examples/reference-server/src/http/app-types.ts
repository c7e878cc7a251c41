import type { DealScout } from '@deal-scout/core';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import type { Caller, TokenService } from '../auth/tokens';
import type { UnsubscribeTokens } from '../auth/unsubscribe-tokens';
import type { UserStore } from '../auth/users';

/** Per-request values set by middleware. */
export type AppEnv = { Variables: { caller: Caller; requestId: string } };

export type App = OpenAPIHono<AppEnv>;

/** Everything the routes need. */
export type AppDependencies = {
  readonly scout: DealScout;
  readonly users: UserStore;
  readonly tokens: TokenService;
  readonly unsubscribeTokens: UnsubscribeTokens;
  readonly logger: Logger;
  readonly limits: { readonly maxBodyBytes: number; readonly requestsPerMinute: number };
  readonly publicBaseUrl: string;
  /** Verifies Twilio's status callbacks when set. */
  readonly twilioAuthToken?: string | undefined;
  /** Whether the server can take traffic (storage reachable, not shutting down). */
  readonly ready: () => Promise<boolean>;
};
