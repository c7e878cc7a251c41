import { ListingSchema, sealValidatedListing, ValidationError } from '@deal-scout/core';
import { describe, expect, it } from 'vitest';
import { createPgliteStorage, createPgStorage, createSqlStorage, type SqlClient } from '../src/index';
import {
  at,
  makeAccount,
  makeAnalysis,
  makeListing,
  makeMatch,
  makeOutboxEntry,
  makePreferences,
  makeRule,
} from './support/builders';

/** A client that records every statement: validation must reject bad input before any of them. */
function createRecordingClient(): SqlClient & { readonly statements: string[] } {
  const statements: string[] = [];
  return {
    engine: 'postgres',
    statements,
    async query(text) {
      statements.push(text);
      throw new Error('the database must not be reached');
    },
    async exec(script) {
      statements.push(script);
      throw new Error('the database must not be reached');
    },
    async transaction() {
      statements.push('BEGIN');
      throw new Error('the database must not be reached');
    },
  };
}

const oversized = 'x'.repeat(301);
const nul = 'before\u0000after';
const loneSurrogate = 'broken \ud83d emoji';

describe('bad input', () => {
  const sql = createRecordingClient();
  const storage = createSqlStorage({ sql, storageId: 'postgres', schema: 'deal_scout', autoMigrate: false });

  const cases: [string, () => Promise<unknown>, string][] = [
    [
      'an oversized title',
      () => storage.listings.upsertMany([{ ...makeListing(1), title: oversized }], { now: at(0) }),
      'listings[0].title',
    ],
    [
      'a NUL character',
      () => storage.listings.upsertMany([makeListing(1, { description: nul })], { now: at(0) }),
      'listings[0].description',
    ],
    [
      'a lone surrogate',
      () =>
        storage.listings.upsertMany([makeListing(1), makeListing(2, { brand: loneSurrogate })], {
          now: at(0),
        }),
      'listings[1].brand',
    ],
    [
      'a lone low surrogate in an attribute name',
      () =>
        storage.listings.upsertMany([makeListing(1, { attributes: { 'trim\udc00': 'LX' } })], {
          now: at(0),
        }),
      'listings[0].attributes.trim\udc00',
    ],
    [
      'a NUL in the second chunk of a large batch',
      () =>
        storage.listings.upsertMany(
          Array.from({ length: 1500 }, (_, index) =>
            makeListing(index, index === 1200 ? { description: nul } : {}),
          ),
          { now: at(0) },
        ),
      'listings[1200].description',
    ],
    [
      'a NUL in a listing core validated and sealed',
      () =>
        storage.listings.upsertMany([sealValidatedListing(makeListing(1, { description: nul }))], {
          now: at(0),
        }),
      'listings[0].description',
    ],
    [
      'a year PostgreSQL cannot hold in a sealed listing',
      () =>
        storage.listings.upsertMany(
          [
            sealValidatedListing(makeListing(1)),
            sealValidatedListing(
              ListingSchema.parse({ ...makeListing(2), postedAt: '0000-06-01T00:00:00.000Z' }),
            ),
          ],
          { now: at(0) },
        ),
      'listings[1].postedAt',
    ],
    [
      'an oversized title next to sealed listings (the whole batch is validated)',
      () =>
        storage.listings.upsertMany(
          [
            sealValidatedListing(makeListing(1)),
            { ...sealValidatedListing(makeListing(2)), title: oversized },
          ],
          { now: at(0) },
        ),
      'listings[1].title',
    ],
    [
      'a negative price',
      () =>
        storage.listings.upsertMany([{ ...makeListing(1), price: { amount: -5, currency: 'USD' } }], {
          now: at(0),
        }),
      'listings[0].price.amount',
    ],
    [
      'an unknown currency',
      () =>
        storage.listings.upsertMany([{ ...makeListing(1), price: { amount: 5, currency: 'ZZZ' } }], {
          now: at(0),
        }),
      'listings[0].price.currency',
    ],
    [
      'a year PostgreSQL cannot hold',
      () =>
        storage.listings.upsertMany([{ ...makeListing(1), postedAt: '0000-06-01T00:00:00.000Z' }], {
          now: at(0),
        }),
      'listings[0].postedAt',
    ],
    [
      'a malformed upsert time',
      () => storage.listings.upsertMany([makeListing(1)], { now: 'yesterday' }),
      'options.now',
    ],
    ['a page of 0', () => storage.listings.listChangedSince(at(0), { limit: 0 }), 'page.limit'],
    ['a page over 1000', () => storage.listings.query({ limit: 1001 }), 'query.limit'],
    [
      'a forged cursor',
      () =>
        storage.listings.query({
          limit: 10,
          cursor: Buffer.from('["listings.posted","x; DROP TABLE listings","a"]').toString('base64url'),
        }),
      'cursor',
    ],
    [
      "another query's cursor",
      () =>
        storage.rules.listEnabled({
          limit: 10,
          cursor: Buffer.from('["listings.posted","2024-01-01T00:00:00.000Z","a"]').toString('base64url'),
        }),
      'cursor',
    ],
    ['an empty rule name', () => storage.rules.create({ ...makeRule(1), name: '' }), 'rule.name'],
    [
      'a negative rule limit',
      () => storage.rules.create(makeRule(1), { maxRulesForUser: -1 }),
      'options.maxRulesForUser',
    ],
    ['a bad trigger time', () => storage.rules.markTriggered(['rule-1'], 'soon'), 'at'],
    [
      'an invalid time zone',
      () => storage.preferences.put({ ...makePreferences('user-1'), timeZone: 'Mars/Olympus' }),
      'preferences.timeZone',
    ],
    [
      'a bad alert source',
      () => storage.alertMatches.recordMany([{ ...makeMatch(1), source: 'psychic' as never }]),
      'matches[0].source',
    ],
    [
      'an outbox payload over 256 KB',
      () =>
        storage.outbox.enqueueMany([makeOutboxEntry(1, { payload: { blob: 'x'.repeat(300_000) } })], {
          now: at(0),
        }),
      'entries[0].payload',
    ],
    [
      'an outbox payload that is not JSON',
      () =>
        storage.outbox.enqueueMany([makeOutboxEntry(1, { payload: { when: new Date() } })], { now: at(0) }),
      'entries[0].payload.when',
    ],
    [
      'a zero lease',
      () => storage.outbox.claim({ workerId: 'a', now: at(0), leaseMs: 0, limit: 5 }),
      'options.leaseMs',
    ],
    [
      'an unknown channel',
      () =>
        storage.outbox.claim({
          workerId: 'a',
          now: at(0),
          leaseMs: 10,
          limit: 5,
          channels: ['pigeon' as never],
        }),
      'options.channels[0]',
    ],
    [
      'an empty token envelope',
      () => storage.accounts.put({ ...makeAccount(1), encryptedTokens: '' }),
      'account.encryptedTokens',
    ],
    [
      'a confidence over 1',
      () => storage.priceAnalyses.put({ ...makeAnalysis('ebay:item-1', 1), confidence: 2 }),
      'analysis.confidence',
    ],
    ['a non-finite state value', () => storage.state.set('key', { ratio: Number.NaN }), 'value.ratio'],
    ['an undefined state value', () => storage.state.set('key', undefined), 'value'],
    ['an empty state key', () => storage.state.get(''), 'key'],
  ];

  it.each(cases)('rejects %s with a ValidationError naming the field', async (_, call, field) => {
    const error = await call().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field);
    expect(sql.statements).toEqual([]);
  });

  it('rejects a state value over 1 MB', async () => {
    const error = await storage.state.set('key', 'x'.repeat(1_100_000)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect(sql.statements).toEqual([]);
  });
});

describe('bad settings', () => {
  it('rejects a missing pool and a schema name that would need escaping', () => {
    expect(() => createPgStorage({ client: {} as never })).toThrow(ValidationError);
    expect(() =>
      createPgStorage({
        client: { query: async () => ({}), connect: async () => ({}) } as never,
        schema: 'x"; DROP SCHEMA public; --',
      }),
    ).toThrow(/schema/);
    expect(() => createPgliteStorage({ schema: 'Capitals' })).toThrow(ValidationError);
  });
});
