import EventEmitter from 'eventemitter3';
import { describe, expect, it } from 'vitest';
import { AdapterError } from '../errors/adapter-error';
import { DealScoutError } from '../errors/deal-scout-error';
import { MarketplaceRequestError } from '../errors/marketplace-request-error';
import { RateLimitedError } from '../errors/rate-limited-error';
import { createManualClock } from '../memory/manual-clock';
import { callWithRetries, retryDelay } from './call-with-retries';
import type { DealScoutEmitter } from './runtime-context';

const policy = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 30_000 };

describe('callWithRetries', () => {
  it('honours Retry-After from a RateLimitedError and succeeds on the next attempt', async () => {
    const clock = createManualClock();
    const events: DealScoutEmitter = new EventEmitter();
    const retries: number[] = [];
    events.on('adapter.retry', ({ delayMs }) => retries.push(delayMs));
    let calls = 0;
    const promise = callWithRetries({
      source: 'ebay',
      operation: 'search',
      policy,
      clock,
      events,
      attempt: async () => {
        calls++;
        if (calls === 1)
          throw new RateLimitedError({ message: 'slow down', retryAfterMs: 7000, source: 'ebay' });
        return 'ok';
      },
    });
    await clock.advance(6999);
    expect(calls).toBe(1);
    await clock.advance(1);
    await expect(promise).resolves.toBe('ok');
    expect(calls).toBe(2);
    expect(retries).toEqual([7000]);
  });

  it('gives up after maxAttempts and rethrows the last retryable error', async () => {
    const clock = createManualClock();
    let calls = 0;
    const promise = callWithRetries({
      source: 'ebay',
      operation: 'search',
      policy,
      clock,
      attempt: async () => {
        calls++;
        throw new MarketplaceRequestError({ message: 'boom', source: 'ebay', status: 503 });
      },
    });
    const assertion = expect(promise).rejects.toMatchObject({
      code: 'MARKETPLACE_REQUEST_FAILED',
      status: 503,
    });
    await clock.advance(120_000);
    await assertion;
    expect(calls).toBe(3);
  });

  it('does not retry a non-retryable error', async () => {
    const clock = createManualClock();
    let calls = 0;
    await expect(
      callWithRetries({
        source: 'ebay',
        operation: 'publish',
        policy,
        clock,
        attempt: async () => {
          calls++;
          throw new MarketplaceRequestError({ message: 'bad request', source: 'ebay', status: 400 });
        },
      }),
    ).rejects.toBeInstanceOf(MarketplaceRequestError);
    expect(calls).toBe(1);
  });

  it('wraps unknown throws in AdapterError and keeps the cause', async () => {
    const clock = createManualClock();
    const original = new RangeError('adapter bug');
    const error = await callWithRetries({
      source: 'poshmark',
      operation: 'search',
      policy,
      clock,
      attempt: async () => {
        throw original;
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdapterError);
    expect(DealScoutError.isInstance(error)).toBe(true);
    expect((error as AdapterError).cause).toBe(original);
    expect((error as AdapterError).message).toMatch(
      /^\[deal-scout\] \[poshmark\] search failed unexpectedly/,
    );
  });
});

describe('retryDelay', () => {
  it('grows exponentially with full jitter and is capped', () => {
    const error = new MarketplaceRequestError({ message: 'x', source: 'ebay', status: 500 });
    expect(retryDelay(error, 1, policy, () => 1)).toBe(1000);
    expect(retryDelay(error, 3, policy, () => 1)).toBe(4000);
    expect(retryDelay(error, 3, policy, () => 0.5)).toBe(2000);
    expect(retryDelay(error, 20, policy, () => 1)).toBe(30_000);
  });

  it('caps an honoured Retry-After at maxDelayMs', () => {
    const error = new RateLimitedError({ message: 'x', retryAfterMs: 3_600_000 });
    expect(retryDelay(error, 1, policy)).toBe(30_000);
  });
});
