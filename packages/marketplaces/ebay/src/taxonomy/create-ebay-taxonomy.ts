import {
  type CategoryId,
  isCategoryWithin,
  type MarketplaceCategorySuggestionV1,
  MarketplaceRequestError,
} from '@deal-scout/core';
import { z } from 'zod';
import type { EbayHttpClient } from '../http/create-ebay-http-client';
import { sendWithApplicationToken } from '../http/send-with-application-token';
import type { ApplicationTokenProvider } from '../oauth/create-application-token-provider';
import { categoryFromEbayIds } from '../search/ebay-category-map';
import type { EbayMarketplaceId } from '../settings/ebay-marketplace-ids';

const TreeIdSchema = z.object({ categoryTreeId: z.string().min(1) });
const SuggestionsSchema = z.object({
  categorySuggestions: z
    .array(
      z.object({
        category: z.object({ categoryId: z.string(), categoryName: z.string() }),
        categoryTreeNodeAncestors: z.array(z.object({ categoryId: z.string().optional() })).optional(),
      }),
    )
    .optional(),
});
const AspectsSchema = z.object({
  aspects: z
    .array(
      z.object({
        localizedAspectName: z.string(),
        aspectConstraint: z.object({ aspectRequired: z.boolean().optional() }).optional(),
      }),
    )
    .optional(),
});

/** How long required aspects stay cached; eBay changes category metadata rarely. */
const aspectsTtlMs = 6 * 60 * 60_000;

/**
 * Category suggestion and required item aspects on the Taxonomy API (application token): the
 * marketplace's default category tree id (cached), `get_category_suggestions` and
 * `get_item_aspects_for_category` (cached per category for six hours). eBay's sandbox answers
 * suggestions with boilerplate, so suggestions are only meaningful in production.
 */
export function createEbayTaxonomy(options: {
  readonly http: EbayHttpClient;
  readonly tokens: ApplicationTokenProvider;
  readonly apiHost: string;
  readonly marketplaceId: EbayMarketplaceId;
  readonly now: () => number;
}) {
  const base = `${options.apiHost}/commerce/taxonomy/v1`;
  let treeId: Promise<string> | null = null;
  const aspectCache = new Map<string, { at: number; required: Promise<string[]> }>();
  const send = (request: Parameters<typeof sendWithApplicationToken>[2]) =>
    sendWithApplicationToken(options.http, options.tokens, request);
  const parse = <S extends z.ZodType>(schema: S, data: unknown, operation: string): z.output<S> => {
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      throw new MarketplaceRequestError({
        message: `${operation} returned an unexpected body`,
        source: 'ebay',
      });
    }
    return parsed.data;
  };

  const defaultTreeId = (signal?: AbortSignal): Promise<string> => {
    treeId ??= send({
      method: 'GET',
      url: `${base}/get_default_category_tree_id`,
      operation: 'getDefaultCategoryTreeId',
      searchParams: { marketplace_id: options.marketplaceId },
      signal,
    })
      .then((response) => parse(TreeIdSchema, response.data, 'getDefaultCategoryTreeId').categoryTreeId)
      .catch((error: unknown) => {
        treeId = null;
        throw error;
      });
    return treeId;
  };

  const requiredAspects = (categoryId: string, signal?: AbortSignal): Promise<string[]> => {
    const hit = aspectCache.get(categoryId);
    if (hit && options.now() - hit.at < aspectsTtlMs) return hit.required;
    const required = (async () => {
      const tree = await defaultTreeId(signal);
      const response = await send({
        method: 'GET',
        url: `${base}/category_tree/${encodeURIComponent(tree)}/get_item_aspects_for_category`,
        operation: 'getItemAspectsForCategory',
        searchParams: { category_id: categoryId },
        signal,
      });
      const aspects = parse(AspectsSchema, response.data, 'getItemAspectsForCategory').aspects ?? [];
      return aspects
        .filter((aspect) => aspect.aspectConstraint?.aspectRequired)
        .map((a) => a.localizedAspectName);
    })();
    aspectCache.set(categoryId, { at: options.now(), required });
    required.catch(() => aspectCache.delete(categoryId));
    return required;
  };

  return {
    /** Names of the aspects (item specifics) a listing in `categoryId` must have. */
    requiredAspects,

    /**
     * Suggested leaf categories for a title, best first, each with its required aspects. When a
     * canonical `category` is given, suggestions inside it come first.
     */
    async doSuggestCategory(input: {
      title: string;
      category?: CategoryId;
      signal?: AbortSignal;
    }): Promise<MarketplaceCategorySuggestionV1[]> {
      const tree = await defaultTreeId(input.signal);
      const response = await send({
        method: 'GET',
        url: `${base}/category_tree/${encodeURIComponent(tree)}/get_category_suggestions`,
        operation: 'getCategorySuggestions',
        searchParams: { q: input.title.slice(0, 350) },
        signal: input.signal,
      });
      const suggestions =
        parse(SuggestionsSchema, response.data, 'getCategorySuggestions').categorySuggestions ?? [];
      const within = (suggestion: (typeof suggestions)[number]) => {
        if (!input.category) return true;
        const ids = [
          suggestion.category.categoryId,
          ...(suggestion.categoryTreeNodeAncestors ?? []).map((a) => a.categoryId ?? ''),
        ];
        const mapped = categoryFromEbayIds(ids);
        return mapped !== null && isCategoryWithin(mapped, input.category);
      };
      const ordered = [...suggestions.filter(within), ...suggestions.filter((s) => !within(s))].slice(0, 5);
      return Promise.all(
        ordered.map(async (suggestion) => ({
          marketplaceCategoryId: suggestion.category.categoryId,
          name: suggestion.category.categoryName,
          requiredAttributes: await requiredAspects(suggestion.category.categoryId, input.signal),
        })),
      );
    },
  };
}

/** The Taxonomy client used by publishing and category suggestion. */
export type EbayTaxonomy = ReturnType<typeof createEbayTaxonomy>;
