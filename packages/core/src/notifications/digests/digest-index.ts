import { createHash } from 'node:crypto';
import type { StateRepositoryV1 } from '../../storage/v1/state-repository-v1';
import { updateState } from '../state-cas';

/** An open digest: the digest job builds it once `dueAt` has passed. */
export type OpenDigest = { readonly userId: string; readonly period: string; readonly dueAt: string };

/**
 * Open digests are listed in a few sharded `storage.state` keys (the storage contract has no
 * "list preferences" query, and one key for every user would be a write hot spot).
 */
export const digestIndexShards = 16;

function shardOf(userId: string): number {
  return createHash('sha256').update(userId).digest().readUInt32BE(0) % digestIndexShards;
}

function shardKey(shard: number): string {
  return `notifications.digest-index:${shard}`;
}

const same = (a: OpenDigest, b: Pick<OpenDigest, 'userId' | 'period'>) =>
  a.userId === b.userId && a.period === b.period;

/** Lists a digest as open (idempotent). Called before the first item is stored, so none is orphaned. */
export async function openDigest(state: StateRepositoryV1, digest: OpenDigest): Promise<void> {
  await updateState<OpenDigest[]>(state, shardKey(shardOf(digest.userId)), (list) =>
    list?.some((entry) => same(entry, digest)) ? undefined : [...(list ?? []), digest],
  );
}

/** Removes a digest from the open list once it was built (idempotent). */
export async function closeDigestIndexEntry(
  state: StateRepositoryV1,
  digest: Pick<OpenDigest, 'userId' | 'period'>,
): Promise<void> {
  await updateState<OpenDigest[]>(state, shardKey(shardOf(digest.userId)), (list) =>
    list?.some((entry) => same(entry, digest)) ? list.filter((entry) => !same(entry, digest)) : undefined,
  );
}

/** Open digests due at or before `now`, oldest first. */
export async function dueDigests(state: StateRepositoryV1, now: string): Promise<OpenDigest[]> {
  const due: OpenDigest[] = [];
  for (let shard = 0; shard < digestIndexShards; shard++) {
    const entry = await state.get(shardKey(shard));
    for (const digest of (entry?.value as OpenDigest[] | undefined) ?? []) {
      if (digest.dueAt <= now) due.push(digest);
    }
  }
  return due.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}
