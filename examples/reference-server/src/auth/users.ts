import { ConflictError, createId, type StorageV1 } from '@deal-scout/core';
import { hashPassword, verifyPassword } from './passwords';

/** A registered user of the reference server. */
export type User = { id: string; email: string; role: 'user' | 'admin'; createdAt: string };

type StoredUser = User & { passwordHash: string };

const keyOf = (email: string) => `server.users.${email.trim().toLowerCase()}`;

/**
 * Users live in the SDK's state repository (one compare-and-set entry per e-mail), so they persist
 * wherever the SDK's storage does and two registrations of one address cannot both win.
 */
export function createUserStore(storage: StorageV1, adminEmails: readonly string[]) {
  const admins = new Set(adminEmails.map((email) => email.trim().toLowerCase()).filter(Boolean));
  return {
    async register(email: string, password: string, now: string): Promise<User> {
      const normalized = email.trim().toLowerCase();
      const user: StoredUser = {
        id: createId('usr'),
        email: normalized,
        role: admins.has(normalized) ? 'admin' : 'user',
        createdAt: now,
        passwordHash: await hashPassword(password),
      };
      const version = await storage.state.set(keyOf(normalized), user, { expectedVersion: null });
      if (version === null)
        throw new ConflictError({ message: 'an account with this e-mail already exists' });
      const { passwordHash: _, ...view } = user;
      return view;
    },
    /** The user when the password is right, else `null` (the same answer for unknown e-mails). */
    async authenticate(email: string, password: string): Promise<User | null> {
      const entry = await storage.state.get(keyOf(email));
      const stored = entry?.value as StoredUser | undefined;
      // Hash even for unknown users so the timing does not reveal which addresses exist.
      const ok = await verifyPassword(
        password,
        stored?.passwordHash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA',
      );
      if (!stored || !ok) return null;
      const { passwordHash: _, ...view } = stored;
      return view;
    },
  };
}

export type UserStore = ReturnType<typeof createUserStore>;
