import { ConflictError, StorageError } from '@deal-scout/core';
import { describe, expect, it } from 'vitest';
import { isRetryableDatabaseError, toStorageError } from './to-storage-error';

const pgError = (code: string, message: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(message), { code, severity: 'ERROR', ...extra });

describe('toStorageError', () => {
  it.each([
    ['57P01', 'terminating connection due to administrator command'],
    ['08006', 'connection failure'],
    ['40001', 'could not serialize access'],
    ['40P01', 'deadlock detected'],
    ['53300', 'too many connections'],
    ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1'],
    ['ECONNRESET', 'read ECONNRESET'],
  ])('marks %s as retryable', (code, message) => {
    const error = toStorageError(pgError(code, message), {
      storageId: 'postgres',
      operation: 'listings.get',
    });
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).isRetryable).toBe(true);
    expect(error.message).toContain('listings.get failed');
  });

  it('marks a dropped connection without a code as retryable', () => {
    expect(isRetryableDatabaseError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isRetryableDatabaseError(new Error('timeout exceeded when trying to connect'))).toBe(true);
  });

  it('marks constraint and syntax errors as permanent', () => {
    for (const code of ['23505', '23514', '42601', '22P02']) {
      expect(isRetryableDatabaseError(pgError(code, 'no'))).toBe(false);
    }
  });

  it('drops the row values PostgreSQL puts in detail', () => {
    const error = toStorageError(
      pgError('23514', 'new row violates check constraint', {
        detail: 'Failing row contains (v1.key.secret-token)',
      }),
      { storageId: 'postgres', operation: 'accounts.put' },
    );
    expect(JSON.stringify(error)).not.toContain('secret-token');
    expect(error.message).not.toContain('secret-token');
    expect(JSON.stringify((error as StorageError).cause)).not.toContain('secret-token');
    expect(String((error.cause as { detail?: unknown }).detail)).toBe('undefined');
  });

  it('passes Deal Scout errors through unchanged', () => {
    const conflict = new ConflictError({ message: 'taken' });
    expect(toStorageError(conflict, { storageId: 'postgres', operation: 'rules.create' })).toBe(conflict);
  });
});
