import { DealScoutError } from './deal-scout-error';

/** The storage backend failed. A lost connection is retryable; nothing acknowledged was lost. */
export class StorageError extends DealScoutError {
  constructor(options: { message: string; isRetryable?: boolean; source?: string; cause?: unknown }) {
    super({ code: 'STORAGE_FAILED', source: options.source ?? 'storage', ...options });
    this.name = 'StorageError';
  }
}
