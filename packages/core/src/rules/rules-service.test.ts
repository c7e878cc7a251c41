import { describe, expect, it } from 'vitest';
import { LimitExceededError } from '../errors/limit-exceeded-error';
import { NotFoundError } from '../errors/not-found-error';
import { ValidationError } from '../errors/validation-error';
import { usd } from '../listing/money';
import { createManualClock } from '../memory/manual-clock';
import { createDealScout } from '../runtime/create-deal-scout';
import { silentLogger } from '../runtime/logger';
import type { DealAlertRuleInput } from './deal-alert-rule';
import type { RulesSettings } from './rules-settings';

function scout(rules: RulesSettings = {}) {
  return createDealScout({
    clock: createManualClock('2026-03-01T12:00:00Z'),
    logger: silentLogger,
    pricing: { dealScoreOnIngest: false },
    rules,
  });
}

const gamingPc: DealAlertRuleInput = {
  name: 'Budget gaming PC',
  keywords: ['gaming pc'],
  maxPrice: usd(500),
};

async function validationError(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe('rules service: validation', () => {
  it('rejects a minimum price above the maximum, and bounds in two currencies', async () => {
    const s = scout();
    const error = await validationError(s.rules.create('alice', { ...gamingPc, minPrice: usd(600) }));
    expect(error.field).toBe('minPrice');
    expect(error.message).toMatch(/must not be greater than maxPrice/);
    const currencies = await validationError(
      s.rules.create('alice', { ...gamingPc, minPrice: { amount: 100, currency: 'EUR' } }),
    );
    expect(currencies.field).toBe('maxPrice.currency');
  });

  it('rejects a radius without location coordinates', async () => {
    const s = scout();
    const noLocation = await validationError(s.rules.create('alice', { ...gamingPc, radiusMi: 25 }));
    expect(noLocation.field).toBe('location');
    const cityOnly = await validationError(
      s.rules.create('alice', { ...gamingPc, radiusMi: 25, location: { city: 'Providence' } }),
    );
    expect(cityOnly.message).toMatch(/needs lat and lon when radiusMi is set/);
  });

  it('rejects an unknown category by name', async () => {
    const s = scout();
    const error = await validationError(
      s.rules.create('alice', { ...gamingPc, categories: ['computers', 'spaceships' as 'computers'] }),
    );
    expect(error.field).toBe('categories[1]');
    expect(error.message).toMatch(/unknown category 'spaceships'/);
  });

  it('rejects empty keywords and keywords without letters or digits', async () => {
    const s = scout();
    expect(
      (await validationError(s.rules.create('alice', { ...gamingPc, keywords: ['gaming', '  '] }))).field,
    ).toBe('keywords[1]');
    const punctuation = await validationError(
      s.rules.create('alice', { ...gamingPc, excludeKeywords: ['!!'] }),
    );
    expect(punctuation.field).toBe('excludeKeywords[0]');
  });

  it('rejects a rule without any narrowing criterion as too broad', async () => {
    const s = scout();
    const error = await validationError(
      s.rules.create('alice', {
        name: 'Everything on eBay',
        marketplaces: ['ebay'],
        excludeKeywords: ['broken'],
      }),
    );
    expect(error.field).toBe('criteria');
    expect(error.message).toMatch(/too broad/);
  });

  it('limits the rules of one user, atomically, without writing the extra rule', async () => {
    const s = scout({ maxRulesPerUser: 2 });
    await s.rules.create('alice', gamingPc);
    await s.rules.create('alice', { ...gamingPc, name: 'second' });
    await expect(s.rules.create('alice', { ...gamingPc, name: 'third' })).rejects.toBeInstanceOf(
      LimitExceededError,
    );
    const racing = await Promise.allSettled([
      s.rules.create('bob', gamingPc),
      s.rules.create('bob', gamingPc),
      s.rules.create('bob', gamingPc),
    ]);
    expect(racing.filter((result) => result.status === 'fulfilled')).toHaveLength(2);
    expect((await s.rules.list('alice')).items).toHaveLength(2);
    expect(await s.storage.rules.countByUser('bob')).toBe(2);
  });

  it('validates a partial update as a whole rule and leaves the stored rule unchanged on error', async () => {
    const s = scout();
    const rule = await s.rules.create('alice', { ...gamingPc, minPrice: usd(100) });
    await expect(s.rules.update('alice', rule.id, { maxPrice: usd(50) })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(s.rules.update('alice', rule.id, { userId: 'mallory' } as never)).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await s.rules.get('alice', rule.id)).toEqual(rule);
  });
});

describe('rules service: ownership and lifecycle', () => {
  it("reports another user's rule as not found for every method", async () => {
    const s = scout();
    const rule = await s.rules.create('alice', gamingPc);
    const attempts = [
      s.rules.get('bob', rule.id),
      s.rules.update('bob', rule.id, { name: 'mine now' }),
      s.rules.delete('bob', rule.id),
      s.rules.pause('bob', rule.id),
      s.rules.resume('bob', rule.id),
      s.rules.test('bob', rule.id),
    ];
    for (const attempt of attempts) await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    expect((await s.rules.list('bob')).items).toEqual([]);
    expect(await s.rules.get('alice', rule.id)).toEqual(rule);
  });

  it('creates, lists by page, updates partially and deletes', async () => {
    const s = scout();
    const clock = s.clock as ReturnType<typeof createManualClock>;
    const created = [];
    for (let i = 0; i < 3; i++) {
      created.push(await s.rules.create('alice', { ...gamingPc, name: `rule ${i}` }));
      await clock.advance(1000);
    }
    const first = await s.rules.list('alice', { limit: 2 });
    expect(first.items.map((rule) => rule.name)).toEqual(['rule 0', 'rule 1']);
    const second = await s.rules.list('alice', { limit: 2, cursor: first.nextCursor });
    expect(second.items.map((rule) => rule.name)).toEqual(['rule 2']);
    expect(second.nextCursor).toBeNull();

    const updated = await s.rules.update('alice', created[0]!.id, { keywords: ['gaming laptop'] });
    expect(updated).toMatchObject({ name: 'rule 0', keywords: ['gaming laptop'], maxPrice: usd(500) });
    expect(updated.updatedAt > created[0]!.updatedAt).toBe(true);

    await s.rules.delete('alice', created[1]!.id);
    await expect(s.rules.get('alice', created[1]!.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await s.rules.list('alice')).items).toHaveLength(2);
  });
});
