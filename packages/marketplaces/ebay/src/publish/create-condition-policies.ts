import { type Condition, MarketplaceRequestError } from '@deal-scout/core';
import { z } from 'zod';
import type { EbayHttpClient } from '../http/create-ebay-http-client';
import { sendWithApplicationToken } from '../http/send-with-application-token';
import type { ApplicationTokenProvider } from '../oauth/create-application-token-provider';
import { ebayConditionTable } from '../search/ebay-condition-map';

const PoliciesSchema = z.object({
  itemConditionPolicies: z
    .array(
      z.object({
        categoryId: z.string().optional(),
        itemConditions: z.array(z.object({ conditionId: z.string().optional() })).optional(),
      }),
    )
    .optional(),
});

/**
 * eBay condition ids to try for each canonical condition, best first. Categories accept different
 * sets (phones take 3000 "Used"; books take the graded 4000/5000/6000 instead), so the first id the
 * category accepts is used.
 */
export const conditionPreferences: Readonly<Record<Condition, readonly number[]>> = {
  new: [1000],
  like_new: [2750, 1500],
  excellent: [3000, 4000, 2990, 2020, 2010],
  good: [3000, 5000, 2030, 2500],
  fair: [6000, 3010, 3000],
  poor: [6000, 3010, 3000],
  for_parts: [7000],
};

const enumById = new Map(ebayConditionTable.map((row) => [row.id, row.conditionEnum]));

/** How long a category's accepted conditions stay cached. */
const ttlMs = 6 * 60 * 60_000;

/**
 * The Metadata API's `getItemConditionPolicies` (application token), cached per category, used to
 * pick the ConditionEnum a category accepts for a canonical condition before anything is written.
 */
export function createConditionPolicies(options: {
  readonly http: EbayHttpClient;
  readonly tokens: ApplicationTokenProvider;
  readonly apiHost: string;
  readonly marketplaceId: string;
  readonly now: () => number;
}) {
  const cache = new Map<string, { at: number; ids: Promise<number[] | null> }>();

  /** Accepted condition ids of a category; `null` when eBay states none (any condition goes). */
  const acceptedIds = (categoryId: string, signal?: AbortSignal): Promise<number[] | null> => {
    const hit = cache.get(categoryId);
    if (hit && options.now() - hit.at < ttlMs) return hit.ids;
    const ids = sendWithApplicationToken(options.http, options.tokens, {
      method: 'GET',
      url: `${options.apiHost}/sell/metadata/v1/marketplace/${options.marketplaceId}/get_item_condition_policies`,
      operation: 'getItemConditionPolicies',
      searchParams: { filter: `categoryIds:{${categoryId}}` },
      signal,
    }).then((response) => {
      const parsed = PoliciesSchema.safeParse(response.data);
      if (!parsed.success) {
        throw new MarketplaceRequestError({
          message: 'getItemConditionPolicies returned an unexpected body',
          source: 'ebay',
        });
      }
      const policy = parsed.data.itemConditionPolicies?.find((entry) => entry.categoryId === categoryId);
      const found = (policy?.itemConditions ?? [])
        .map((entry) => Number(entry.conditionId))
        .filter(Number.isInteger);
      return found.length ? found : null;
    });
    cache.set(categoryId, { at: options.now(), ids });
    ids.catch(() => cache.delete(categoryId));
    return ids;
  };

  return {
    /**
     * The ConditionEnum to publish `condition` with in `categoryId`, or `null` when the category
     * accepts none of the eBay conditions that mean it.
     */
    async conditionEnumFor(
      condition: Condition,
      categoryId: string,
      signal?: AbortSignal,
    ): Promise<string | null> {
      const accepted = await acceptedIds(categoryId, signal);
      const preferences = conditionPreferences[condition];
      const id = accepted ? preferences.find((candidate) => accepted.includes(candidate)) : preferences[0];
      return id === undefined ? null : (enumById.get(id) ?? null);
    },
  };
}

export type ConditionPolicies = ReturnType<typeof createConditionPolicies>;
