import type { DealScoutError } from '../errors/deal-scout-error';
import { ValidationError } from '../errors/validation-error';
import { type Listing, ListingSchema } from '../listing/listing';
import { sealValidatedListing } from '../listing/validated-listing';
import { toValidationIssues } from '../shared/parse-input';
import type { ListingUpsertResultV1 } from '../storage/v1/listing-repository-v1';
import type { IngestSummary } from './events';
import type { RuntimeContext } from './runtime-context';

/** One listing of a batch that was skipped, and why. */
export type IngestRejection = {
  readonly index: number;
  readonly id: string | null;
  readonly error: DealScoutError;
};

/** What `scout.ingest` did: counts, the per-listing outcome of what was stored, and what was rejected. */
export type IngestResult = Omit<IngestSummary, 'rejected'> & {
  /** How many listings were rejected (the details are in `rejections`). */
  readonly rejected: number;
  readonly results: readonly ListingUpsertResultV1[];
  readonly rejections: readonly IngestRejection[];
};

/** Most listings stored in one storage call; larger batches are split, each chunk atomic. */
export const ingestChunkSize = 500;

function normalise(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const item = { ...(raw as Record<string, unknown>) };
  if (typeof item.title === 'string') item.title = item.title.replaceAll(/\s+/g, ' ').trim();
  if (typeof item.marketplace === 'string') item.marketplace = item.marketplace.trim().toLowerCase();
  if (typeof item.externalId === 'number') item.externalId = String(item.externalId);
  if (item.id === undefined && typeof item.marketplace === 'string' && typeof item.externalId === 'string') {
    item.id = `${item.marketplace}:${item.externalId}`;
  }
  const price = item.price as Record<string, unknown> | undefined;
  if (price && typeof price === 'object' && typeof price.currency === 'string') {
    item.price = { ...price, currency: price.currency.toUpperCase() };
  }
  return item;
}

function idOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { id, marketplace, externalId } = raw as Record<string, unknown>;
  if (typeof id === 'string') return id;
  if (typeof marketplace === 'string' && (typeof externalId === 'string' || typeof externalId === 'number')) {
    return `${marketplace}:${externalId}`;
  }
  return null;
}

/**
 * The ingest pipeline: normalise and validate each listing (bad ones are reported one by one and
 * never block the rest), run the `enrich` stages, upsert in atomic chunks (recording price
 * changes), emit events, then run the `react` stages (search indexing, rule matching).
 */
export async function ingestListings(
  context: RuntimeContext,
  input: readonly unknown[],
): Promise<IngestResult> {
  if (!Array.isArray(input)) {
    throw new ValidationError({ issues: [{ field: 'listings', message: 'must be an array of listings' }] });
  }
  const rejected: IngestRejection[] = [];
  const byId = new Map<string, Listing>();
  input.forEach((raw, index) => {
    const result = ListingSchema.safeParse(normalise(raw));
    if (result.success) {
      byId.delete(result.data.id); // the last occurrence of an id wins, in its own position
      byId.set(result.data.id, sealValidatedListing(result.data));
      return;
    }
    const error = new ValidationError({
      issues: toValidationIssues(result.error, `listings[${index}]`),
      subject: 'listing',
      cause: result.error,
    });
    rejected.push({ index, id: idOf(raw), error });
    context.events.emit('listing.rejected', { index, id: idOf(raw), error });
  });

  let listings = [...byId.values()];
  for (const stage of context.stages.enrich) {
    try {
      listings = await stage.run(listings);
    } catch (error) {
      context.reportError(`ingest enrich stage '${stage.name}'`, error);
    }
  }

  const results: ListingUpsertResultV1[] = [];
  const counts = { created: 0, updated: 0, unchanged: 0, priceChanged: 0 };
  for (let start = 0; start < listings.length; start += ingestChunkSize) {
    const chunk = listings.slice(start, start + ingestChunkSize);
    const chunkResults = await context.storage.listings.upsertMany(chunk, { now: context.now() });
    results.push(...chunkResults);
    chunkResults.forEach((result, i) => {
      const listing = chunk[i] as Listing;
      counts[result.outcome]++;
      if (result.outcome === 'created') context.events.emit('listing.created', { listing });
      if (result.outcome === 'updated') context.events.emit('listing.updated', { listing });
      if (result.previousPrice) {
        counts.priceChanged++;
        context.events.emit('listing.price_changed', { listing, previousPrice: result.previousPrice });
      }
      if (result.previousStatus) {
        context.events.emit('listing.status_changed', { listing, previousStatus: result.previousStatus });
      }
    });
    for (const stage of context.stages.react) {
      try {
        await stage.run({ listings: chunk, results: chunkResults });
      } catch (error) {
        context.reportError(`ingest react stage '${stage.name}'`, error);
      }
    }
  }

  const summary: IngestSummary = { received: input.length, ...counts, rejected: rejected.length };
  context.events.emit('ingest.completed', summary);
  return { ...summary, results, rejections: rejected };
}
