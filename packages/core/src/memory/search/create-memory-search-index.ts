import { z } from 'zod';
import { ValidationError } from '../../errors/validation-error';
import type { Listing } from '../../listing/listing';
import { SearchQuerySchema } from '../../search/search-query-schema';
import type {
  SearchHitV1,
  SearchIndexV1,
  SearchQueryV1,
  SearchResultV1,
} from '../../search/v1/search-index-v1';
import { SlugSchema } from '../../shared/ids';
import { parseInput } from '../../shared/parse-input';
import { compareKeys, decodeCursor, encodeCursor, type SortDirection, type SortKey } from '../storage/paging';
import { selectFirst } from '../storage/select-first';
import { tokenize } from '../text/analyze-text';
import { editDistance } from '../text/edit-distance';
import { addTermScores, type Bm25Parameters } from './bm25';
import { highlightTitle } from './highlight-title';
import { InvertedIndex } from './inverted-index';
import { compileListingFilters } from './listing-filters';

const MemorySearchIndexSettingsSchema = z.object({
  /** Name in logs and errors. */
  searchIndexId: SlugSchema.default('memory'),
  /** BM25F weight of each field: a title word counts three times a description word by default. */
  fieldWeights: z
    .object({
      title: z.number().positive().max(100).default(3),
      brand: z.number().positive().max(100).default(2),
      description: z.number().positive().max(100).default(1),
    })
    .default({ title: 3, brand: 2, description: 1 }),
  /** BM25 term-frequency saturation. */
  k1: z.number().min(0).max(10).default(1.2),
  /** BM25 length normalisation, 0 (none) to 1 (full). */
  b: z.number().min(0).max(1).default(0.75),
  /** Score factor of a typo match against an exact one (with `fuzzy: true`). */
  fuzzyPenalty: z.number().gt(0).max(1).default(0.6),
});

/** Settings of {@link createMemorySearchIndex}; every field is optional. */
export type MemorySearchIndexSettings = z.input<typeof MemorySearchIndexSettingsSchema>;

/** Words shorter than this only match exactly, even with `fuzzy` (`tv` must not match `to`). */
const minFuzzyLength = 4;

type Sort = NonNullable<SearchQueryV1['sort']>;
type Scored = { listing: Listing; score: number };

const sortKeys: Record<Sort, { key: (hit: Scored) => SortKey; direction: SortDirection }> = {
  relevance: {
    key: ({ listing, score }) => ['relevance', score, listing.postedAt, listing.id],
    direction: ['asc', 'desc', 'desc', 'asc'],
  },
  newest: {
    key: ({ listing }) => ['newest', listing.postedAt, listing.id],
    direction: ['asc', 'desc', 'asc'],
  },
  price_ascending: {
    key: ({ listing }) => ['price_ascending', listing.price.amount, listing.id],
    direction: ['asc', 'asc', 'asc'],
  },
  price_descending: {
    key: ({ listing }) => ['price_descending', listing.price.amount, listing.id],
    direction: ['asc', 'desc', 'asc'],
  },
};

/**
 * A full-text search index held in memory: tokens folded for case and accents, BM25F scoring over
 * title, brand and description, typo tolerance (edit distance 1 on words of 4+ letters), filters,
 * radius search, four sorts, facets, highlighted titles and "did you mean" suggestions. Query
 * words are ANDed. Categories in filters match their descendants too.
 *
 * @throws ValidationError when `settings` are invalid; `search` throws it for a bad query.
 */
export function createMemorySearchIndex(settings: MemorySearchIndexSettings = {}): SearchIndexV1 {
  const config = parseInput(MemorySearchIndexSettingsSchema, settings, {
    subject: 'memory search index settings',
  });
  const parameters: Bm25Parameters = {
    weights: [config.fieldWeights.title, config.fieldWeights.brand, config.fieldWeights.description],
    k1: config.k1,
    b: config.b,
  };
  const index = new InvertedIndex();

  /** Vocabulary words within edit distance 1 of `token` (the token itself excluded). */
  const typoVariants = (token: string) => {
    if (token.length < minFuzzyLength) return [];
    return [...index.typoCandidates(token)].filter(
      (term) => term !== token && editDistance(token, term, 1) <= 1,
    );
  };

  /**
   * The most frequent vocabulary word within edit distance 1, else within 2 (a full scan, only
   * reached when nothing closer exists), for "did you mean".
   */
  const closestTerm = (token: string) => {
    let best: { term: string; frequency: number } | null = null;
    const consider = (term: string) => {
      const frequency = index.postings.get(term)?.size ?? 0;
      if (!best || frequency > best.frequency) best = { term, frequency };
    };
    for (const term of index.typoCandidates(token)) if (editDistance(token, term, 1) <= 1) consider(term);
    if (!best && token.length >= minFuzzyLength) {
      for (const term of index.postings.keys()) if (editDistance(token, term, 2) <= 2) consider(term);
    }
    return (best as { term: string } | null)?.term ?? null;
  };

  return {
    specificationVersion: 'v1',
    searchIndexId: config.searchIndexId,
    capabilities: { fuzzy: true, facets: true, highlight: true, suggestions: true, geo: true },

    async index(listings) {
      for (const listing of listings) index.add(structuredClone(listing));
    },

    async remove(ids) {
      for (const id of ids) index.remove(id);
    },

    async search(input: SearchQueryV1): Promise<SearchResultV1> {
      const query = parseInput(SearchQuerySchema, input, {
        subject: 'search query',
        source: config.searchIndexId,
      });
      const tokens = [...new Set(tokenize(query.text ?? ''))];
      const matchesFilters = compileListingFilters(query.filters);
      const matchedTerms = new Set<string>();
      let didYouMean: string | undefined;

      let scored: Scored[];
      if (tokens.length === 0) {
        scored = [];
        for (const { listing } of index.documents.values()) {
          if (matchesFilters(listing)) scored.push({ listing, score: 0 });
        }
      } else {
        let totals: Map<string, number> | null = null;
        for (const token of tokens) {
          const tokenScores = new Map<string, number>();
          addTermScores(index, token, 1, parameters, tokenScores);
          if (index.postings.has(token)) matchedTerms.add(token);
          if (query.fuzzy) {
            for (const variant of typoVariants(token)) {
              addTermScores(index, variant, config.fuzzyPenalty, parameters, tokenScores);
              matchedTerms.add(variant);
            }
          }
          const previous: Map<string, number> | null = totals;
          totals = new Map();
          for (const [id, score] of tokenScores) {
            if (previous === null) totals.set(id, score);
            else if (previous.has(id)) totals.set(id, (previous.get(id) ?? 0) + score);
          }
        }
        scored = [];
        for (const [id, score] of totals ?? []) {
          const listing = index.documents.get(id)?.listing;
          if (listing && matchesFilters(listing)) scored.push({ listing, score });
        }
        if (tokens.some((token) => !index.postings.has(token))) {
          const suggestion = tokens.map((token) =>
            index.postings.has(token) ? token : (closestTerm(token) ?? token),
          );
          if (suggestion.some((token, position) => token !== tokens[position]))
            didYouMean = suggestion.join(' ');
        }
      }

      const sort: Sort = query.sort ?? (tokens.length > 0 ? 'relevance' : 'newest');
      const { key, direction } = sortKeys[sort];
      let after: SortKey | null = null;
      if (query.cursor) {
        after = decodeCursor(query.cursor, direction.length);
        if (after[0] !== sort) {
          throw new ValidationError({
            issues: [{ field: 'cursor', message: `belongs to a search sorted by ${String(after[0])}` }],
            subject: 'search query',
            source: config.searchIndexId,
          });
        }
      }
      // Only the page (plus one, to know whether more follow) is ever sorted: a bounded selection
      // keeps match-all queries over large indexes cheap.
      const selected = selectFirst(
        scored,
        key,
        (a, b) => compareKeys(a, b, direction),
        after ? (candidate) => compareKeys(candidate, after, direction) > 0 : null,
        query.limit + 1,
      );
      const page = selected.slice(0, query.limit);

      const hits: SearchHitV1[] = page.map(({ hit }) => {
        const highlight = tokens.length > 0 ? highlightTitle(hit.listing.title, matchedTerms) : null;
        return {
          listingId: hit.listing.id,
          score: hit.score,
          ...(highlight ? { highlights: [highlight] } : {}),
        };
      });
      const result: SearchResultV1 = {
        hits,
        total: scored.length,
        nextCursor:
          selected.length > query.limit && page.length > 0 ? encodeCursor(page[page.length - 1]!.key) : null,
        ...(query.facets?.length ? { facets: countFacets(scored, query.facets) } : {}),
        ...(didYouMean ? { didYouMean } : {}),
      };
      return result;
    },
  };
}

/** Counts matches per category, condition or marketplace (listings without the field are not counted). */
function countFacets(
  scored: readonly Scored[],
  facets: readonly ('category' | 'condition' | 'marketplace')[],
): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const facet of new Set(facets)) {
    const counts: Record<string, number> = {};
    for (const { listing } of scored) {
      const value = listing[facet];
      if (value) counts[value] = (counts[value] ?? 0) + 1;
    }
    out[facet] = counts;
  }
  return out;
}
