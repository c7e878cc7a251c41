import { z } from 'zod';
import { AuthenticationError } from '../errors/authentication-error';
import type { StateRepositoryV1 } from '../storage/v1/state-repository-v1';

/** What is remembered server-side between the OAuth start and its callback. */
export const PendingConnectionSchema = z.object({
  userId: z.string(),
  marketplace: z.string(),
  redirectUri: z.string(),
  /** PKCE verifier; kept server-side only. */
  codeVerifier: z.string().optional(),
  expiresAt: z.string(),
});

export type PendingConnection = z.output<typeof PendingConnectionSchema>;

const keyOf = (state: string) => `accounts.oauth-state.${state}`;

/** OAuth `state` records in `storage.state`, each usable once. */
export function createOAuthStateStore(state: StateRepositoryV1) {
  return {
    async save(value: string, pending: PendingConnection): Promise<void> {
      await state.set(keyOf(value), pending, { expectedVersion: null });
    },
    /**
     * Takes the record for `value` and deletes it, so a callback can be completed once. Throws
     * `AuthenticationError` when the state is unknown, already used, expired or for another marketplace.
     */
    async consume(value: string, marketplace: string, now: string): Promise<PendingConnection> {
      const refused = (reason: string) =>
        new AuthenticationError({
          message: `OAuth callback refused: ${reason}`,
          reauthenticate: true,
          source: 'accounts',
        });
      const entry = await state.get(keyOf(value));
      const parsed = PendingConnectionSchema.safeParse(entry?.value);
      if (!parsed.success) throw refused('unknown or already used state');
      // Only the caller that deletes the record may complete it; a concurrent duplicate loses here.
      if (!(await state.delete(keyOf(value)))) throw refused('state already used');
      if (parsed.data.expiresAt <= now) throw refused('state expired; start the connection again');
      if (parsed.data.marketplace !== marketplace) throw refused('state belongs to another marketplace');
      return parsed.data;
    },
  };
}
