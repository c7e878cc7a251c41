import { conditionRank } from '../listing/condition';
import type { Listing } from '../listing/listing';
import { haversineDistance } from '../listing/location';
import { type ComparableQuery, indexTermsOf } from './comparable-query';
import {
  categoryAffinityTable,
  categoryCount,
  categoryIndex,
  conditionAffinity,
  defaultComparableWeighting,
  mileageRate,
  noCategory,
  yearFactors,
} from './comparable-similarity';
import { grow } from './grow-typed-array';
import { listingPriceFacts } from './listing-price-facts';
import { createTopKHeap } from './top-k-heap';

export { type ComparableQuery, comparableQueryOf, indexTermsOf } from './comparable-query';

/** A comparable found by the index, best first. */
export type ComparableMatch = {
  readonly listingId: string;
  /** Reference price in minor units (sold price when sold). Always > 0. */
  readonly amount: number;
  readonly sold: boolean;
  readonly postedAtMs: number;
  /** 0–1: text (BM25) × category × condition × year × mileage similarity. */
  readonly similarity: number;
  /** Similarity × recency × sold-vs-asking × distance: what the statistics weigh it by. */
  readonly weight: number;
};

/** Settings of {@link createComparablesIndex}. */
export type ComparablesIndexSettings = {
  /** BM25 term-frequency saturation. Default 1.2. */
  readonly k1?: number;
  /** BM25 length normalisation; titles are short, so 0.5 rather than 0.75. Default 0.5. */
  readonly b?: number;
  /**
   * Postings are gathered rarest term first until this many candidates are found; the more
   * common terms then only score those candidates. Default 2000.
   */
  readonly candidateTarget?: number;
  /**
   * At most this many postings of one term are read, newest first: on a huge store the most
   * recent listings sharing the rarest term are the candidates. Default 2500.
   */
  readonly maxPostingsPerTerm?: number;
};

/**
 * An in-memory comparables index: an inverted index of title and attribute terms for BM25, plus
 * columns (typed arrays) of the numbers comparables are filtered and weighted by. Updated on
 * ingest, it answers a comparables query by scoring only the listings that share a rare term with
 * the query, so `analyze` stays fast on a store of millions of listings.
 */
export type ComparablesIndex = {
  /** Adds or replaces a listing; removed listings and prices of 0 are dropped from the index. */
  upsert(listing: Listing): void;
  /** Drops a listing (sold elsewhere, deleted); unknown ids are ignored. */
  remove(id: string): void;
  /** Number of listings that can be returned as comparables. */
  readonly size: number;
  /** The best comparables, best first. */
  query(query: ComparableQuery): ComparableMatch[];
};

/** Columns of one listing in the interleaved row store (one row = {@link stride} numbers). */
const column = {
  amount: 0,
  postedAt: 1,
  logMiles: 2, // ln(1 + miles), NaN when unknown
  lat: 3,
  lon: 4,
  year: 5, // 0 when unknown
  currency: 6,
  category: 7,
  condition: 8, // rank, −1 when unknown
  flags: 9, // bit 0: live, bit 1: sold
  termStart: 10,
  termLength: 11,
} as const;
/** Numbers per row: a candidate's fields share one or two cache lines, which matters at 1M rows. */
const stride = 12;

/** Creates an empty comparables index. */
export function createComparablesIndex(settings: ComparablesIndexSettings = {}): ComparablesIndex {
  const k1 = settings.k1 ?? 1.2;
  const b = settings.b ?? 0.5;
  const candidateTarget = settings.candidateTarget ?? 2000;
  const maxPostingsPerTerm = settings.maxPostingsPerTerm ?? 2500;

  const slotOf = new Map<string, number>();
  const ids: string[] = [];
  let rows = new Float64Array(1024 * stride);
  let seen = new Int32Array(1024);
  let termPool = new Int32Array(8192);
  let poolLength = 0;
  let live = 0;
  let totalTerms = 0;

  const termIds = new Map<string, number>();
  let documentFrequency = new Int32Array(1024);
  const postings: Array<{ slots: Int32Array; length: number }> = [];
  let queryWeight = new Float64Array(1024);
  let termCount = new Float64Array(1024); // per-candidate term frequencies, reset after each
  const currencies = new Map<string, number>();
  let epoch = 0;

  const termIdOf = (term: string): number => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = termIds.size;
      termIds.set(term, id);
      postings.push({ slots: new Int32Array(4), length: 0 });
      documentFrequency = grow(documentFrequency, id + 1);
      queryWeight = grow(queryWeight, id + 1);
      termCount = grow(termCount, id + 1);
    }
    return id;
  };

  const unlink = (slot: number) => {
    const row = slot * stride;
    if (!((rows[row + column.flags] as number) & 1)) return;
    rows[row + column.flags] = 0;
    live--;
    const start = rows[row + column.termStart] as number;
    const length = rows[row + column.termLength] as number;
    totalTerms -= length;
    for (const term of new Set(termPool.subarray(start, start + length))) {
      documentFrequency[term] = (documentFrequency[term] as number) - 1;
    }
    // Postings keep the stale slot; scoring reads the row's flags and terms, so it stops matching.
  };

  const index: ComparablesIndex = {
    get size() {
      return live;
    },
    upsert(listing) {
      const facts = listingPriceFacts(listing);
      let slot = slotOf.get(listing.id);
      if (slot !== undefined) unlink(slot);
      if (listing.status === 'removed' || facts.amount <= 0) return;
      if (slot === undefined) {
        slot = ids.length;
        ids.push(listing.id);
        slotOf.set(listing.id, slot);
        rows = grow(rows, (slot + 1) * stride);
        seen = grow(seen, slot + 1);
      }
      let currencyId = currencies.get(facts.currency);
      if (currencyId === undefined) {
        currencyId = currencies.size;
        currencies.set(facts.currency, currencyId);
      }
      const terms = indexTermsOf(listing)
        .slice(0, 255)
        .map((term) => termIdOf(term));
      termPool = grow(termPool, poolLength + terms.length);
      termPool.set(terms, poolLength);

      const row = slot * stride;
      rows[row + column.amount] = facts.amount;
      rows[row + column.postedAt] = facts.postedAtMs;
      rows[row + column.logMiles] = facts.mileage === null ? Number.NaN : Math.log1p(facts.mileage);
      rows[row + column.lat] = listing.location?.lat ?? Number.NaN;
      rows[row + column.lon] = listing.location?.lon ?? Number.NaN;
      rows[row + column.year] = facts.year ?? 0;
      rows[row + column.currency] = currencyId;
      rows[row + column.category] = listing.category
        ? (categoryIndex.get(listing.category) ?? noCategory)
        : noCategory;
      rows[row + column.condition] = listing.condition ? conditionRank(listing.condition) : -1;
      rows[row + column.flags] = 1 | (facts.sold ? 2 : 0);
      rows[row + column.termStart] = poolLength;
      rows[row + column.termLength] = terms.length;
      poolLength += terms.length;
      totalTerms += terms.length;
      live++;
      for (const term of new Set(terms)) {
        documentFrequency[term] = (documentFrequency[term] as number) + 1;
        const list = postings[term] as { slots: Int32Array; length: number };
        list.slots = grow(list.slots, list.length + 1);
        list.slots[list.length++] = slot;
      }
    },
    remove(id) {
      const slot = slotOf.get(id);
      if (slot !== undefined) unlink(slot);
    },
    query(query) {
      const weighting = query.weighting ?? defaultComparableWeighting;
      const currencyId = currencies.get(query.currency);
      if (currencyId === undefined || live === 0 || query.limit <= 0) return [];
      const averageLength = totalTerms / live;

      // Query terms known to the index, with their BM25 idf, rarest first.
      const counts = new Map<number, number>();
      for (const term of query.terms) {
        const id = termIds.get(term);
        if (id !== undefined && (documentFrequency[id] as number) > 0)
          counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      const queryTerms = [...counts.keys()].sort(
        (x, y) => (documentFrequency[x] as number) - (documentFrequency[y] as number),
      );
      let maxScore = 0;
      const selfNorm = k1 * (1 - b + (b * query.terms.length) / averageLength);
      for (const term of queryTerms) {
        const df = documentFrequency[term] as number;
        const idf = Math.log(1 + (live - df + 0.5) / (df + 0.5));
        queryWeight[term] = idf;
        const tf = counts.get(term) as number;
        maxScore += (idf * tf * (k1 + 1)) / (tf + selfNorm);
      }

      const excluded = query.excludeId === null ? -1 : (slotOf.get(query.excludeId) ?? -1);
      const categoryRow = (query.category ? (categoryIndex.get(query.category) ?? 0) : 0) * categoryCount;
      const nowMs = query.nowMs;
      const decayPerMs = Math.LN2 / (weighting.halfLifeDays * 86_400_000);
      const queryYear = query.year ?? 0;
      const queryLogMiles = query.mileage === null ? Number.NaN : Math.log1p(query.mileage);
      const hasPoint = query.lat !== null && query.lon !== null && weighting.nearbyMi !== null;
      const heap = createTopKHeap(query.limit);
      const found = new Map<number, number>(); // slot → similarity of what the heap kept

      const score = (slot: number) => {
        const row = slot * stride;
        const flags = rows[row + column.flags] as number;
        if (slot === excluded || !(flags & 1) || rows[row + column.currency] !== currencyId) return;
        const categoryFactor = categoryAffinityTable[
          categoryRow + (rows[row + column.category] as number)
        ] as number;
        if (categoryFactor === 0) return;
        const rank = rows[row + column.condition] as number;
        const conditionFactor = conditionAffinity(
          query.conditionRank,
          rank < 0 ? null : rank,
          weighting.maxConditionSteps,
        );
        if (conditionFactor === 0) return;
        let text = 0.5; // no known query terms: category, condition and attributes decide alone
        if (maxScore > 0) {
          text = 0;
          const start = rows[row + column.termStart] as number;
          const length = rows[row + column.termLength] as number;
          const end = start + length;
          const norm = k1 * (1 - b + (b * length) / averageLength);
          for (let i = start; i < end; i++) {
            const term = termPool[i] as number;
            termCount[term] = (termCount[term] as number) + 1;
          }
          for (let i = start; i < end; i++) {
            const term = termPool[i] as number;
            const tf = termCount[term] as number;
            if (tf === 0) continue; // a repeated term, already counted
            termCount[term] = 0;
            const idf = queryWeight[term] as number;
            if (idf !== 0) text += (idf * tf * (k1 + 1)) / (tf + norm);
          }
          text = Math.min(1, text / maxScore);
          if (text === 0) return;
        }
        const year = rows[row + column.year] as number;
        const logMiles = rows[row + column.logMiles] as number;
        const similarity =
          text *
          categoryFactor *
          conditionFactor *
          (queryYear === 0 || year === 0
            ? 1
            : (yearFactors[Math.min(yearFactors.length - 1, Math.abs(queryYear - year))] as number)) *
          (Number.isNaN(queryLogMiles) || Number.isNaN(logMiles)
            ? 1
            : Math.exp(-mileageRate * Math.abs(queryLogMiles - logMiles)));
        const age = Math.max(0, nowMs - (rows[row + column.postedAt] as number));
        let weight = similarity * Math.exp(-decayPerMs * age);
        if (!(flags & 2)) weight *= weighting.askingPriceWeight;
        if (hasPoint && !Number.isNaN(rows[row + column.lat])) {
          const miles = haversineDistance(
            { lat: query.lat as number, lon: query.lon as number },
            { lat: rows[row + column.lat] as number, lon: rows[row + column.lon] as number },
          );
          weight *= Math.exp(-miles / (weighting.nearbyMi as number));
        }
        if (heap.offer(slot, weight + similarity * 1e-9)) found.set(slot, similarity);
      };

      try {
        if (query.fullScan || queryTerms.length === 0) {
          for (let slot = 0; slot < ids.length; slot++) score(slot);
        } else {
          epoch++;
          let gathered = 0;
          for (const term of queryTerms) {
            if (gathered >= candidateTarget) break;
            const list = postings[term] as { slots: Int32Array; length: number };
            const stop = Math.max(0, list.length - maxPostingsPerTerm);
            for (let i = list.length - 1; i >= stop; i--) {
              const slot = list.slots[i] as number;
              if (seen[slot] === epoch) continue;
              seen[slot] = epoch;
              gathered++;
              score(slot);
            }
          }
        }
      } finally {
        for (const term of queryTerms) queryWeight[term] = 0;
      }

      return heap.drain().map(({ item: slot, score: weight }) => {
        const row = slot * stride;
        const similarity = found.get(slot) ?? 0;
        return {
          listingId: ids[slot] as string,
          amount: rows[row + column.amount] as number,
          sold: ((rows[row + column.flags] as number) & 2) !== 0,
          postedAtMs: rows[row + column.postedAt] as number,
          similarity: Math.round(similarity * 10_000) / 10_000,
          weight: weight - similarity * 1e-9,
        };
      });
    },
  };
  return index;
}
