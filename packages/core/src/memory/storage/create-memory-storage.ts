import { z } from 'zod';
import { SlugSchema } from '../../shared/ids';
import { parseInput } from '../../shared/parse-input';
import type { StorageV1 } from '../../storage/v1/storage-v1';
import { createMemoryAccountRepository } from './memory-account-repository';
import { createMemoryAlertMatchRepository } from './memory-alert-match-repository';
import { createMemoryListingRepository } from './memory-listing-repository';
import { createMemoryOutboxRepository } from './memory-outbox-repository';
import { createMemoryPreferencesRepository } from './memory-preferences-repository';
import { createMemoryPriceAnalysisRepository } from './memory-price-analysis-repository';
import { createMemoryRuleRepository } from './memory-rule-repository';
import { createMemoryStateRepository } from './memory-state-repository';

const MemoryStorageSettingsSchema = z.object({
  /** Name in logs and errors; default `memory`. */
  storageId: SlugSchema.default('memory'),
});

/** Settings of {@link createMemoryStorage}. */
export type MemoryStorageSettings = z.input<typeof MemoryStorageSettingsSchema>;

/**
 * Storage held in process memory: the SDK's default, and the reference every other storage is
 * checked against by `runStorageConformance`. Each method runs to completion without yielding
 * between its checks and its writes, which makes every call atomic and uniqueness race-free within
 * the process. Values are deep-copied on the way in and out, so callers can never mutate stored
 * state. Data is lost when the process exits.
 *
 * @throws ValidationError when `settings` are invalid (e.g. `storageId` is not a slug).
 */
export function createMemoryStorage(settings: MemoryStorageSettings = {}): StorageV1 {
  const { storageId } = parseInput(MemoryStorageSettingsSchema, settings, {
    subject: 'memory storage settings',
  });
  return {
    specificationVersion: 'v1',
    storageId,
    listings: createMemoryListingRepository(),
    rules: createMemoryRuleRepository(),
    preferences: createMemoryPreferencesRepository(),
    alertMatches: createMemoryAlertMatchRepository(),
    outbox: createMemoryOutboxRepository(),
    accounts: createMemoryAccountRepository(),
    priceAnalyses: createMemoryPriceAnalysisRepository(),
    state: createMemoryStateRepository(),
  };
}
