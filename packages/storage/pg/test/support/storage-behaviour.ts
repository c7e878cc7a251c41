import {
  ConflictError,
  LimitExceededError,
  type Listing,
  NotFoundError,
  type StorageV1,
  sealValidatedListing,
  ValidationError,
} from '@deal-scout/core';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  at,
  makeAccount,
  makeAnalysis,
  makeListing,
  makeMatch,
  makeOutboxEntry,
  makePreferences,
  makeRule,
} from './builders';

/** Collects every page of a paged query. */
async function allPages<T>(
  fetch: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await fetch(cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 1000);
  return { items, pages };
}

/**
 * Behaviour the storage contract's TSDoc promises beyond the conformance suite's checks (exact
 * round trips of every field, batches larger than one statement, key-order-insensitive change
 * detection, error texts without secrets), registered as the suite's additional tests.
 */
export function defineStorageBehaviour(getSubject: () => StorageV1): void {
  let storage: StorageV1;
  beforeEach(() => {
    storage = getSubject();
  });

  describe('listings', () => {
    it('stores a listing exactly as given and reports it created', async () => {
      const listing = makeListing(1);
      const results = await storage.listings.upsertMany([listing], { now: at(100) });
      expect(results).toEqual([
        { id: listing.id, outcome: 'created', previousPrice: null, previousStatus: null },
      ]);
      expect(await storage.listings.get(listing.id)).toEqual(listing);
      expect(await storage.listings.priceHistory(listing.id)).toEqual([
        { price: listing.price, observedAt: at(100) },
      ]);
      expect(await storage.listings.count()).toBe(1);
    });

    it('stores listings core validated and sealed exactly, and reports them like any other', async () => {
      const sealed = [1, 2, 3].map((n) => sealValidatedListing(makeListing(n)));
      expect(Object.isFrozen(sealed[0]?.price)).toBe(true);
      const results = await storage.listings.upsertMany(sealed, { now: at(100) });
      expect(results.map((result) => result.outcome)).toEqual(['created', 'created', 'created']);
      expect(await storage.listings.getMany(sealed.map((listing) => listing.id))).toEqual(sealed);
      const cheaper = sealValidatedListing({ ...makeListing(2), price: { amount: 100, currency: 'USD' } });
      const [updated] = await storage.listings.upsertMany([cheaper], { now: at(200) });
      expect(updated).toMatchObject({ outcome: 'updated', previousPrice: makeListing(2).price });
    });

    it('stores text that only looks like an unstorable escape (a backslash and u0000) exactly', async () => {
      const listing = makeListing(2, {
        title: String.raw`Path C:\u0000 and \ud83d typed out`,
        description: 'a real pair 🎮 and a backslash \\ at the end \\',
        attributes: { 'note\\udc00': String.raw`\u0000` },
      });
      await storage.listings.upsertMany([listing], { now: at(100) });
      expect(await storage.listings.get(listing.id)).toEqual(listing);
    });

    it('keeps an unchanged listing out of listChangedSince and its price history', async () => {
      const listing = makeListing(1);
      await storage.listings.upsertMany([listing], { now: at(100) });
      const again = await storage.listings.upsertMany([{ ...listing }], { now: at(200) });
      expect(again[0]?.outcome).toBe('unchanged');
      expect((await storage.listings.listChangedSince(at(150), { limit: 10 })).items).toEqual([]);
      expect(await storage.listings.priceHistory(listing.id)).toHaveLength(1);
    });

    it('appends a price point and reports the previous price and status when they change', async () => {
      const listing = makeListing(1);
      await storage.listings.upsertMany([listing], { now: at(100) });
      const cheaper = { ...listing, price: { amount: 40_000, currency: 'USD' } };
      const [priceChange] = await storage.listings.upsertMany([cheaper], { now: at(200) });
      expect(priceChange).toEqual({
        id: listing.id,
        outcome: 'updated',
        previousPrice: listing.price,
        previousStatus: null,
      });
      const sold = { ...cheaper, status: 'sold' as const, soldPrice: { amount: 39_000, currency: 'USD' } };
      const [statusChange] = await storage.listings.upsertMany([sold], { now: at(300) });
      expect(statusChange).toEqual({
        id: listing.id,
        outcome: 'updated',
        previousPrice: null,
        previousStatus: 'active',
      });
      expect(await storage.listings.priceHistory(listing.id)).toEqual([
        { price: listing.price, observedAt: at(100) },
        { price: cheaper.price, observedAt: at(200) },
      ]);
      expect(await storage.listings.get(listing.id)).toEqual(sold);
      expect((await storage.listings.listChangedSince(at(250), { limit: 10 })).items).toEqual([sold]);
    });

    it('treats attributes in another key order as unchanged', async () => {
      const listing = makeListing(1, { attributes: { a: 1, b: 'two', c: true } });
      await storage.listings.upsertMany([listing], { now: at(100) });
      const reordered = { ...listing, attributes: { c: true, b: 'two', a: 1 } };
      const [result] = await storage.listings.upsertMany([reordered], { now: at(200) });
      expect(result?.outcome).toBe('unchanged');
      const [changed] = await storage.listings.upsertMany(
        [{ ...listing, attributes: { a: 2, b: 'two', c: true } }],
        {
          now: at(300),
        },
      );
      expect(changed?.outcome).toBe('updated');
    });

    it('lets the last duplicate of a batch win, in its position', async () => {
      const first = makeListing(1);
      const second = makeListing(2);
      const replacement = { ...first, title: 'Replaced title' };
      const results = await storage.listings.upsertMany([first, second, replacement], { now: at(100) });
      expect(results.map((result) => result.id)).toEqual([second.id, first.id]);
      expect((await storage.listings.get(first.id))?.title).toBe('Replaced title');
      expect(await storage.listings.priceHistory(first.id)).toHaveLength(1);
    });

    it('writes nothing from a batch with one invalid listing', async () => {
      const bad = { ...makeListing(2), price: { amount: -1, currency: 'USD' } };
      const error = await storage.listings
        .upsertMany([makeListing(1), bad], { now: at(100) })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe('listings[1].price.amount');
      expect(await storage.listings.count()).toBe(0);
    });

    it('upserts a batch larger than one statement atomically', async () => {
      const listings = Array.from({ length: 1300 }, (_, index) => makeListing(index));
      const results = await storage.listings.upsertMany(listings, { now: at(100) });
      expect(results).toHaveLength(1300);
      expect(results.every((result) => result.outcome === 'created')).toBe(true);
      expect(await storage.listings.count()).toBe(1300);
      const changed = listings.map((listing, index) =>
        index % 2 ? { ...listing, title: `${listing.title}!` } : listing,
      );
      const second = await storage.listings.upsertMany(changed, { now: at(200) });
      expect(second.filter((result) => result.outcome === 'updated')).toHaveLength(650);
      expect(second.filter((result) => result.outcome === 'unchanged')).toHaveLength(650);
    }, 120_000);

    it('returns getMany in the order asked, skipping unknown ids', async () => {
      await storage.listings.upsertMany([makeListing(1), makeListing(2), makeListing(3)], { now: at(100) });
      const found = await storage.listings.getMany(['ebay:item-3', 'ebay:nope', 'ebay:item-1']);
      expect(found.map((listing) => listing.id)).toEqual(['ebay:item-3', 'ebay:item-1']);
      expect(await storage.listings.get('ebay:nope')).toBeNull();
    });

    it('pages listChangedSince by change time then id, completely and without repeats', async () => {
      await storage.listings.upsertMany(
        Array.from({ length: 12 }, (_, index) => makeListing(index)),
        { now: at(100) },
      );
      await storage.listings.upsertMany(
        Array.from({ length: 12 }, (_, index) => makeListing(100 + index)),
        { now: at(50) },
      );
      const { items, pages } = await allPages((cursor) =>
        storage.listings.listChangedSince(at(60), { limit: 5, cursor }),
      );
      expect(pages).toBe(3);
      expect(items.map((listing) => listing.id)).toEqual(
        Array.from({ length: 12 }, (_, index) => `ebay:item-${index}`).sort(),
      );
    });

    it('filters and orders query results newest posted first', async () => {
      const listings: Listing[] = [
        makeListing(1, { status: 'sold' }),
        makeListing(2, { category: 'video-games' }),
        makeListing(3),
        makeListing(4, { marketplace: 'offerup', id: 'offerup:item-4', externalId: 'item-4' }),
        makeListing(5, { seller: { id: 'someone-else' } }),
      ];
      await storage.listings.upsertMany(listings, { now: at(100) });
      const ids = async (query: Parameters<StorageV1['listings']['query']>[0]) =>
        (await storage.listings.query(query)).items.map((listing) => listing.id);
      expect(await ids({ limit: 10 })).toEqual([
        'ebay:item-5',
        'offerup:item-4',
        'ebay:item-3',
        'ebay:item-2',
        'ebay:item-1',
      ]);
      expect(await ids({ limit: 10, statuses: ['sold'] })).toEqual(['ebay:item-1']);
      expect(await ids({ limit: 10, categories: ['video-games'] })).toEqual(['ebay:item-2']);
      expect(await ids({ limit: 10, marketplace: 'offerup' })).toEqual(['offerup:item-4']);
      expect(await ids({ limit: 10, sellerId: 'someone-else' })).toEqual(['ebay:item-5']);
      expect(await ids({ limit: 10, postedSince: at(4) })).toEqual(['ebay:item-5', 'offerup:item-4']);
      expect(await ids({ limit: 10, ids: ['ebay:item-1', 'ebay:item-3'] })).toEqual([
        'ebay:item-3',
        'ebay:item-1',
      ]);
      expect(await ids({ limit: 10, statuses: [] })).toEqual([]);
      const paged = await allPages((cursor) => storage.listings.query({ limit: 2, cursor }));
      expect(paged.items.map((listing) => listing.id)).toEqual(await ids({ limit: 10 }));
    });

    it('deletes listings with their price history', async () => {
      await storage.listings.upsertMany([makeListing(1), makeListing(2)], { now: at(100) });
      expect(await storage.listings.deleteMany(['ebay:item-1', 'ebay:item-1', 'ebay:nope'])).toBe(1);
      expect(await storage.listings.priceHistory('ebay:item-1')).toEqual([]);
      expect(await storage.listings.count()).toBe(1);
    });

    it('rejects a cursor it did not make', async () => {
      await expect(
        storage.listings.listChangedSince(at(0), { limit: 5, cursor: 'bm90LWEtY3Vyc29y' }),
      ).rejects.toThrow(ValidationError);
      const page = await storage.listings.query({ limit: 1 });
      expect(page.nextCursor).toBeNull();
    });
  });

  describe('rules', () => {
    it('creates, reads, replaces and deletes a rule', async () => {
      const rule = makeRule(1);
      await storage.rules.create(rule);
      expect(await storage.rules.get(rule.id)).toEqual(rule);
      await expect(storage.rules.create(rule)).rejects.toThrow(ConflictError);
      const renamed = { ...rule, name: 'Renamed', enabled: false, updatedAt: at(50) };
      await storage.rules.update(renamed);
      expect(await storage.rules.get(rule.id)).toEqual(renamed);
      await expect(storage.rules.update(makeRule(2))).rejects.toThrow(NotFoundError);
      expect(await storage.rules.delete(rule.id)).toBe(true);
      expect(await storage.rules.delete(rule.id)).toBe(false);
      expect(await storage.rules.get(rule.id)).toBeNull();
    });

    it('enforces the per-user limit', async () => {
      await storage.rules.create(makeRule(1), { maxRulesForUser: 2 });
      await storage.rules.create(makeRule(2), { maxRulesForUser: 2 });
      await expect(storage.rules.create(makeRule(3), { maxRulesForUser: 2 })).rejects.toThrow(
        LimitExceededError,
      );
      await storage.rules.create(makeRule(4, { userId: 'user-2' }), { maxRulesForUser: 2 });
      expect(await storage.rules.countByUser('user-1')).toBe(2);
    });

    it('lists by user, enabled and updated-since in their orders', async () => {
      await storage.rules.create(makeRule(3));
      await storage.rules.create(makeRule(1, { enabled: false }));
      await storage.rules.create(makeRule(2, { userId: 'user-2', updatedAt: at(90) }));
      const byUser = await allPages((cursor) => storage.rules.listByUser('user-1', { limit: 1, cursor }));
      expect(byUser.items.map((rule) => rule.id)).toEqual(['rule-1', 'rule-3']);
      const enabled = await allPages((cursor) => storage.rules.listEnabled({ limit: 1, cursor }));
      expect(enabled.items.map((rule) => rule.id)).toEqual(['rule-2', 'rule-3']);
      const updated = await storage.rules.listUpdatedSince(at(2), { limit: 10 });
      expect(updated.items.map((rule) => rule.id)).toEqual(['rule-3', 'rule-2']);
      await storage.rules.markTriggered(['rule-1', 'rule-2', 'rule-missing'], at(500));
      expect((await storage.rules.get('rule-2'))?.lastTriggeredAt).toBe(at(500));
      expect((await storage.rules.get('rule-3'))?.lastTriggeredAt).toBeNull();
    });
  });

  describe('preferences', () => {
    it('returns null until saved, then the latest saved preferences', async () => {
      expect(await storage.preferences.get('user-1')).toBeNull();
      const preferences = makePreferences('user-1');
      await storage.preferences.put(preferences);
      expect(await storage.preferences.get('user-1')).toEqual(preferences);
      const changed = makePreferences('user-1', {
        frequency: 'daily_digest',
        quietHours: null,
        updatedAt: at(5),
      });
      await storage.preferences.put(changed);
      expect(await storage.preferences.get('user-1')).toEqual(changed);
    });
  });

  describe('alert matches', () => {
    it('records each (rule, listing) pair once and returns only new matches', async () => {
      const first = await storage.alertMatches.recordMany([
        makeMatch(1),
        makeMatch(2),
        makeMatch(3, { listingId: 'ebay:item-1' }),
      ]);
      expect(first.map((match) => match.id)).toEqual(['match-1', 'match-2']);
      const second = await storage.alertMatches.recordMany([
        makeMatch(4, { listingId: 'ebay:item-1' }),
        makeMatch(5),
      ]);
      expect(second.map((match) => match.id)).toEqual(['match-5']);
      const byRule = await allPages((cursor) =>
        storage.alertMatches.listByRule('rule-1', { limit: 2, cursor }),
      );
      expect(byRule.items.map((match) => match.id)).toEqual(['match-5', 'match-2', 'match-1']);
      const since = await storage.alertMatches.listByUser('user-1', { limit: 10, since: at(2) });
      expect(since.items.map((match) => match.id)).toEqual(['match-5', 'match-2']);
      expect(await storage.alertMatches.deleteByRule('rule-1')).toBe(3);
      expect((await storage.alertMatches.listByUser('user-1', { limit: 10 })).items).toEqual([]);
    });
  });

  describe('outbox', () => {
    it('skips entries whose dedupe key exists', async () => {
      const written = await storage.outbox.enqueueMany([makeOutboxEntry(1), makeOutboxEntry(2)], {
        now: at(0),
      });
      expect(written.map((entry) => [entry.id, entry.status, entry.attempts])).toEqual([
        ['outbox-1', 'pending', 0],
        ['outbox-2', 'pending', 0],
      ]);
      const again = await storage.outbox.enqueueMany(
        [makeOutboxEntry(3, { dedupeKey: makeOutboxEntry(1).dedupeKey }), makeOutboxEntry(4)],
        { now: at(0) },
      );
      expect(again.map((entry) => entry.id)).toEqual(['outbox-4']);
      expect((await storage.outbox.get('outbox-1'))?.payload).toEqual(makeOutboxEntry(1).payload);
    });

    it('claims due entries oldest first, leases them, and lets only the holder settle', async () => {
      await storage.outbox.enqueueMany(
        [makeOutboxEntry(3), makeOutboxEntry(1), makeOutboxEntry(2, { channel: 'sms' }), makeOutboxEntry(50)],
        { now: at(0) },
      );
      const claimed = await storage.outbox.claim({ workerId: 'a', now: at(10), leaseMs: 60_000, limit: 10 });
      expect(claimed.map((entry) => entry.id)).toEqual(['outbox-1', 'outbox-2', 'outbox-3']);
      expect(claimed[0]).toMatchObject({
        status: 'claimed',
        attempts: 1,
        claimedBy: 'a',
        claimExpiresAt: at(11),
      });
      expect(await storage.outbox.claim({ workerId: 'b', now: at(10), leaseMs: 60_000, limit: 10 })).toEqual(
        [],
      );
      expect(
        await storage.outbox.markSent('outbox-1', { workerId: 'b', now: at(10), providerMessageId: 'x' }),
      ).toBe(false);
      expect(
        await storage.outbox.markSent('outbox-1', { workerId: 'a', now: at(10), providerMessageId: 'msg-1' }),
      ).toBe(true);
      expect(await storage.outbox.get('outbox-1')).toMatchObject({
        status: 'sent',
        providerMessageId: 'msg-1',
        claimedBy: null,
        claimExpiresAt: null,
      });
      expect(
        await storage.outbox.release('outbox-2', {
          workerId: 'a',
          now: at(10),
          availableAt: at(30),
          error: 'timeout',
        }),
      ).toBe(true);
      expect(
        await storage.outbox.markFailed('outbox-3', { workerId: 'a', now: at(10), error: 'bad address' }),
      ).toBe(true);
      expect(await storage.outbox.get('outbox-3')).toMatchObject({
        status: 'failed',
        lastError: 'bad address',
      });
      // The released entry comes back when due, and only for the channels asked for.
      expect(await storage.outbox.claim({ workerId: 'b', now: at(29), leaseMs: 1000, limit: 10 })).toEqual(
        [],
      );
      expect(
        await storage.outbox.claim({
          workerId: 'b',
          now: at(30),
          leaseMs: 1000,
          limit: 10,
          channels: ['email'],
        }),
      ).toEqual([]);
      const retried = await storage.outbox.claim({
        workerId: 'b',
        now: at(30),
        leaseMs: 1000,
        limit: 10,
        channels: ['sms'],
      });
      expect(retried.map((entry) => [entry.id, entry.attempts, entry.lastError])).toEqual([
        ['outbox-2', 2, 'timeout'],
      ]);
    });

    it('reclaims an entry whose lease expired', async () => {
      await storage.outbox.enqueueMany([makeOutboxEntry(1)], { now: at(0) });
      await storage.outbox.claim({ workerId: 'a', now: at(1), leaseMs: 60_000, limit: 1 });
      expect(await storage.outbox.claim({ workerId: 'b', now: at(1.5), leaseMs: 60_000, limit: 1 })).toEqual(
        [],
      );
      const reclaimed = await storage.outbox.claim({ workerId: 'b', now: at(2), leaseMs: 60_000, limit: 1 });
      expect(reclaimed.map((entry) => [entry.claimedBy, entry.attempts])).toEqual([['b', 2]]);
      expect(
        await storage.outbox.markSent('outbox-1', { workerId: 'a', now: at(3), providerMessageId: null }),
      ).toBe(false);
    });

    it('cancels pending entries of a user on a channel and lists the delivery log', async () => {
      await storage.outbox.enqueueMany(
        [
          makeOutboxEntry(1),
          makeOutboxEntry(2),
          makeOutboxEntry(3, { channel: 'sms' }),
          makeOutboxEntry(4, { userId: 'user-2' }),
        ],
        { now: at(0) },
      );
      expect(await storage.outbox.cancelPending({ userId: 'user-1', channel: 'email', now: at(5) })).toBe(2);
      const cancelled = await storage.outbox.list({ limit: 10, statuses: ['cancelled'] });
      expect(cancelled.items.map((entry) => entry.id)).toEqual(['outbox-1', 'outbox-2']);
      const log = await allPages((cursor) => storage.outbox.list({ limit: 1, userId: 'user-1', cursor }));
      expect(log.items.map((entry) => entry.id)).toEqual(['outbox-1', 'outbox-2', 'outbox-3']);
    });
  });

  describe('marketplace accounts', () => {
    it('stores accounts, keeps (marketplace, external account, user) unique and never leaks tokens in errors', async () => {
      const account = makeAccount(1);
      await storage.accounts.put(account);
      expect(await storage.accounts.get(account.id)).toEqual(account);
      const duplicate = makeAccount(2, { externalAccountId: account.externalAccountId });
      const error = await storage.accounts.put(duplicate).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConflictError);
      expect(String((error as Error).message)).not.toContain(duplicate.encryptedTokens);
      expect(JSON.stringify(error)).not.toContain(duplicate.encryptedTokens);
      const updated = { ...account, status: 'revoked' as const, updatedAt: at(9) };
      await storage.accounts.put(updated);
      await storage.accounts.put(
        makeAccount(0, { userId: 'user-2', externalAccountId: account.externalAccountId }),
      );
      expect((await storage.accounts.listByUser('user-1')).map((item) => item.status)).toEqual(['revoked']);
      expect(
        (await storage.accounts.findByExternalId('ebay', account.externalAccountId)).map((item) => item.id),
      ).toEqual(['account-0', 'account-1']);
      expect(await storage.accounts.delete(account.id)).toBe(true);
      expect(await storage.accounts.get(account.id)).toBeNull();
    });
  });

  describe('price analyses', () => {
    it('keeps the latest analysis per listing; a later put wins a tie', async () => {
      expect(await storage.priceAnalyses.latest('ebay:item-1')).toBeNull();
      const older = makeAnalysis('ebay:item-1', 10);
      const newer = makeAnalysis('ebay:item-1', 20);
      await storage.priceAnalyses.put(newer);
      await storage.priceAnalyses.put(older);
      expect(await storage.priceAnalyses.latest('ebay:item-1')).toEqual(newer);
      const tie = makeAnalysis('ebay:item-1', 20, { id: 'analysis-tie', confidence: 0.2 });
      await storage.priceAnalyses.put(tie);
      expect(await storage.priceAnalyses.latest('ebay:item-1')).toEqual(tie);
    });
  });

  describe('state', () => {
    it('compares and sets, and keeps counting versions after a delete', async () => {
      expect(await storage.state.get('jobs.catch-up.last-run')).toBeNull();
      expect(
        await storage.state.set('jobs.catch-up.last-run', { at: at(0) }, { expectedVersion: null }),
      ).toBe(1);
      expect(
        await storage.state.set('jobs.catch-up.last-run', { at: at(1) }, { expectedVersion: null }),
      ).toBeNull();
      expect(await storage.state.set('jobs.catch-up.last-run', { at: at(1) }, { expectedVersion: 1 })).toBe(
        2,
      );
      expect(
        await storage.state.set('jobs.catch-up.last-run', { at: at(2) }, { expectedVersion: 1 }),
      ).toBeNull();
      expect(await storage.state.get('jobs.catch-up.last-run')).toEqual({ value: { at: at(1) }, version: 2 });
      expect(await storage.state.delete('jobs.catch-up.last-run')).toBe(true);
      expect(await storage.state.delete('jobs.catch-up.last-run')).toBe(false);
      expect(await storage.state.set('jobs.catch-up.last-run', 'x', { expectedVersion: 2 })).toBeNull();
      expect(await storage.state.set('jobs.catch-up.last-run', [1, 'two', null, false])).toBe(3);
      expect(await storage.state.get('jobs.catch-up.last-run')).toEqual({
        value: [1, 'two', null, false],
        version: 3,
      });
      expect(await storage.state.set('missing', 1, { expectedVersion: 4 })).toBeNull();
      expect(await storage.state.set('null-value', null)).toBe(1);
      expect(await storage.state.get('null-value')).toEqual({ value: null, version: 1 });
    });
  });
}
