import { describe, expect, it } from 'vitest';
import {
  createMemoryJobs,
  createMemorySearchIndex,
  createMemoryStorage,
  createRecordingChannel,
  createReplayMarketplace,
  ValidationError,
} from '../src';

/** Runs `fn` and returns the `ValidationError` it threw (failing the test if it threw anything else). */
function validationErrorOf(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError, but nothing was thrown');
}

describe('memory factories answer bad settings with a ValidationError naming the field', () => {
  it.each([
    ['createMemoryStorage', () => createMemoryStorage({ storageId: 'Not A Slug' }), 'storageId'],
    ['createMemorySearchIndex k1', () => createMemorySearchIndex({ k1: -1 }), 'k1'],
    [
      'createMemorySearchIndex weights',
      () => createMemorySearchIndex({ fieldWeights: { title: 0 } }),
      'fieldWeights.title',
    ],
    ['createMemorySearchIndex b', () => createMemorySearchIndex({ b: 2 }), 'b'],
    ['createMemoryJobs backoff', () => createMemoryJobs({ backoffMs: -5 }), 'backoffMs'],
    ['createMemoryJobs attempts', () => createMemoryJobs({ defaultAttempts: 0 }), 'defaultAttempts'],
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input from an untyped caller
    ['createMemoryJobs clock', () => createMemoryJobs({ clock: {} as any }), 'clock'],
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong input from an untyped caller
    ['createRecordingChannel channel', () => createRecordingChannel({ channel: 'fax' as any }), 'channel'],
    [
      'createRecordingChannel limits',
      () =>
        createRecordingChannel({ channel: 'sms', limits: { concurrency: 0, intervalCap: 1, intervalMs: 1 } }),
      'limits.concurrency',
    ],
    [
      'createReplayMarketplace listing',
      () =>
        createReplayMarketplace({
          listings: [
            {
              id: 'm:1',
              marketplace: 'm',
              externalId: '1',
              title: 'ok',
              price: { amount: 1, currency: 'USD' },
              postedAt: '2024-03-11T12:00:00Z',
            },
            {
              id: 'm:2',
              marketplace: 'm',
              externalId: '2',
              title: 'bad',
              price: { amount: -1, currency: 'USD' },
              postedAt: '2024-03-11T12:00:00Z',
            },
          ],
        }),
      'listings[1].price.amount',
    ],
    [
      'createReplayMarketplace id',
      () => createReplayMarketplace({ marketplaceId: 'UPPER', listings: [] }),
      'marketplaceId',
    ],
  ])('%s', (_name, create, field) => {
    const error = validationErrorOf(create);
    expect(error.field).toBe(field);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain(field);
  });
});
