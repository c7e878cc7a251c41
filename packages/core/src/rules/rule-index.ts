import { ConfigurationError } from '../errors/configuration-error';
import { LimitExceededError } from '../errors/limit-exceeded-error';
import { type CategoryId, categoryAncestors } from '../listing/categories';
import { conditionRank } from '../listing/condition';
import type { Listing } from '../listing/listing';
import { haversineDistance } from '../listing/location';
import { type CompiledRule, compileRule, type MatchableRule } from './compiled-rule';
import { amountInCurrency } from './currency-converter';
import { createGeoGrid } from './geo-grid';
import { KeywordPool } from './keyword-pool';
import { fieldSeparator, listingTokens } from './listing-tokens';
import { PostingList } from './posting-list';
import { categoryBit, categoryMask, RuleColumns } from './rule-columns';
import type { RuleMatchOptions } from './rule-semantics';

/** Settings of {@link createRuleIndex}. */
export type RuleIndexSettings = RuleMatchOptions & {
  /** Side of a geographic grid cell in degrees (default 1); must divide 180. */
  readonly gridCellDegrees?: number;
  /** A radius rule covering more cells than this is checked another way (default 64). */
  readonly maxGridCellsPerRule?: number;
};

/** How many rules are reached by each path, for monitoring and the benchmark. */
export type RuleIndexStats = {
  readonly rules: number;
  readonly byKeyword: number;
  readonly byGrid: number;
  readonly byCategory: number;
  readonly byPrice: number;
  readonly byMarketplace: number;
  readonly scannedForEveryListing: number;
  readonly distinctTokens: number;
};

/**
 * An in-memory index of enabled deal alert rules that returns, for a listing, the ids of the
 * rules it matches, exactly as the naive matcher would (a property test holds it to that).
 *
 * Each rule is posted under one access path and checked in full only when a listing reaches it:
 * - a rule with keywords under each keyword's rarest token (a phrase is found through any one
 *   of its words, so the word with the fewest rules behind it is the cheapest door);
 * - a rule without keywords under the grid cells of its radius, else its categories, else the
 *   log₂ bands of its price range, else its marketplaces, else on a short list checked for
 *   every listing.
 * Every other criterion lives in typed columns and is checked on the candidates only.
 */
export type RuleIndex = {
  /** Number of indexed (enabled, satisfiable) rules. */
  readonly size: number;
  /** Indexes a rule, replacing the rule with the same id; a disabled rule is removed instead. */
  add(rule: MatchableRule): void;
  /** Removes a rule; returns whether it was indexed. */
  remove(ruleId: string): boolean;
  has(ruleId: string): boolean;
  /** Ids of the indexed rules `listing` matches, in no particular order. */
  match(listing: Listing): string[];
  stats(): RuleIndexStats;
};

const pathNone = 0;
const pathKeyword = 1;
const pathGrid = 2;
const pathCategory = 3;
const pathPrice = 4;
const pathMarketplace = 5;
const pathEveryListing = 6;

/** Keyword entries are `slot * 64 + keywordIndex`; rules have at most 50 keywords. */
const keywordBits = 6;
const keywordMask = 63;
const maxPriceBandSpan = 24;
/** Keyword entries must fit a signed 32-bit integer. */
const maxSlots = 2 ** (31 - keywordBits);
const unknownToken = -1;
const separatorToken = -2;

/** log₂ band of an amount of minor units; monotonic, so an interval maps to a run of bands. */
function priceBand(amount: number): number {
  if (!(amount >= 1)) return 0;
  if (amount < 4294967296) return 32 - Math.clz32(amount);
  return 64 - Math.clz32(Math.floor(amount / 4294967296));
}

/** Creates an empty rule index. */
export function createRuleIndex(settings: RuleIndexSettings = {}): RuleIndex {
  const cellDegrees = settings.gridCellDegrees ?? 1;
  if (!(cellDegrees > 0) || !Number.isInteger(180 / cellDegrees)) {
    throw new ConfigurationError({ message: 'gridCellDegrees must divide 180', source: 'rules' });
  }
  const convert = settings.convert;
  const grid = createGeoGrid({ cellDegrees, maxCells: settings.maxGridCellsPerRule ?? 64 });
  const columns = new RuleColumns();
  const pool = new KeywordPool();
  const idToSlot = new Map<string, number>();
  const ids: (string | undefined)[] = [];
  const freeSlots: number[] = [];
  const tokenIds = new Map<string, number>();
  const tokenTexts: string[] = [];
  const tokenPostings: (PostingList | undefined)[] = [];
  const categoryPostings = Array.from({ length: categoryBit.size }, () => new PostingList());
  const gridPostings = new Map<number, PostingList>();
  const marketplacePostings = new Map<string, PostingList>();
  const pricePostings = new Map<number, PostingList[]>();
  const everyListing = new PostingList();
  const currencyIds = new Map<string, number>();
  const currencies: string[] = [];
  const marketplaceSetIds = new Map<string, number>([['', 0]]);
  const marketplaceSets: ReadonlySet<string>[] = [new Set()];
  const pathCounts = new Array<number>(7).fill(0);
  let epoch = 0;

  const intern = (token: string): number => {
    let id = tokenIds.get(token);
    if (id === undefined) {
      id = tokenTexts.length;
      tokenIds.set(token, id);
      tokenTexts.push(token);
    }
    return id;
  };
  const rarestToken = (phrase: readonly number[]): number => {
    let best = phrase[0]!;
    for (const token of phrase) {
      const size = tokenPostings[token]?.length ?? 0;
      const bestSize = tokenPostings[best]?.length ?? 0;
      if (size < bestSize || (size === bestSize && tokenTexts[token]!.length > tokenTexts[best]!.length)) {
        best = token;
      }
    }
    return best;
  };
  const bucket = <K>(map: Map<K, PostingList>, key: K): PostingList => {
    let list = map.get(key);
    if (!list) {
      list = new PostingList();
      map.set(key, list);
    }
    return list;
  };
  const priceBuckets = (slot: number): PostingList[] | null => {
    const currency = columns.currency[slot]!;
    if (currency < 0) return null;
    const min = columns.minAmount[slot]!;
    const max = columns.maxAmount[slot]!;
    const first = priceBand(Number.isNaN(min) ? 0 : min);
    const last = Number.isNaN(max) ? 64 : priceBand(max);
    if (last - first + 1 > maxPriceBandSpan) return null;
    let bands = pricePostings.get(currency);
    if (!bands) {
      bands = [];
      pricePostings.set(currency, bands);
    }
    const lists: PostingList[] = [];
    for (let band = first; band <= last; band++) {
      const list = bands[band] ?? new PostingList();
      bands[band] = list;
      lists.push(list);
    }
    return lists;
  };

  /** Posts a keyword-less rule under its most selective bucket(s); returns the path used. */
  const postWithoutKeywords = (slot: number, compiled: CompiledRule): number => {
    const cells = compiled.center ? grid.cellsForCircle(compiled.center, compiled.radiusMi!) : null;
    if (cells) {
      for (const cell of cells) bucket(gridPostings, cell).push(slot);
      return pathGrid;
    }
    if (compiled.categories.length > 0) {
      for (const category of new Set(compiled.categories))
        categoryPostings[categoryBit.get(category)!]!.push(slot);
      return pathCategory;
    }
    const priceLists = priceBuckets(slot);
    if (priceLists) {
      for (const list of priceLists) list.push(slot);
      return pathPrice;
    }
    if (compiled.marketplaces.size > 0) {
      for (const marketplace of compiled.marketplaces) bucket(marketplacePostings, marketplace).push(slot);
      return pathMarketplace;
    }
    everyListing.push(slot);
    return pathEveryListing;
  };

  const unpost = (slot: number): void => {
    const path = columns.path[slot]!;
    const start = columns.dataStart[slot]!;
    if (path === pathKeyword) {
      const count = pool.data[start]!;
      for (let index = 0, at = start + 2; index < count; index++, at += 2 + pool.data[at]!) {
        tokenPostings[pool.data[at + 1]!]!.remove(slot * (keywordMask + 1) + index);
      }
    } else if (path === pathGrid) {
      const center = { lat: columns.lat[slot]!, lon: columns.lon[slot]! };
      for (const cell of grid.cellsForCircle(center, columns.radiusMi[slot]!) ?? []) {
        gridPostings.get(cell)?.remove(slot);
      }
    } else if (path === pathCategory) {
      for (const [, bit] of categoryBit) {
        const word = bit < 32 ? columns.categoryLow[slot]! : columns.categoryHigh[slot]!;
        if ((word >>> (bit % 32)) & 1) categoryPostings[bit]!.remove(slot);
      }
    } else if (path === pathPrice) {
      for (const list of priceBuckets(slot) ?? []) list.remove(slot);
    } else if (path === pathMarketplace) {
      for (const marketplace of marketplaceSets[columns.marketplaceSet[slot]!]!) {
        marketplacePostings.get(marketplace)?.remove(slot);
      }
    } else if (path === pathEveryListing) {
      everyListing.remove(slot);
    }
  };

  const remove = (ruleId: string): boolean => {
    const slot = idToSlot.get(ruleId);
    if (slot === undefined) return false;
    unpost(slot);
    pathCounts[columns.path[slot]!]!--;
    pool.release(columns.dataLength[slot]!);
    columns.path[slot] = pathNone;
    ids[slot] = undefined;
    idToSlot.delete(ruleId);
    freeSlots.push(slot);
    pool.compactIfWasteful(columns);
    return true;
  };

  const add = (rule: MatchableRule): void => {
    remove(rule.id);
    const compiled = compileRule(rule);
    if (!compiled.active) return;
    let slot = freeSlots.pop();
    if (slot === undefined) {
      slot = ids.length;
      if (slot >= maxSlots) {
        throw new LimitExceededError({
          message: `a rule index holds at most ${maxSlots} rules`,
          limit: maxSlots,
          source: 'rules',
        });
      }
      ids.push(undefined);
      if (slot >= columns.capacity) columns.grow();
    }
    ids[slot] = rule.id;
    idToSlot.set(rule.id, slot);
    let currency = -1;
    if (compiled.currency !== null) {
      currency = currencyIds.get(compiled.currency) ?? currencies.push(compiled.currency) - 1;
      currencyIds.set(compiled.currency, currency);
    }
    const marketplaceKey = [...compiled.marketplaces].sort().join(',');
    let marketplaceSet = marketplaceSetIds.get(marketplaceKey);
    if (marketplaceSet === undefined) {
      marketplaceSet = marketplaceSets.push(compiled.marketplaces) - 1;
      marketplaceSetIds.set(marketplaceKey, marketplaceSet);
    }
    const [low, high] = categoryMask(compiled.categories);
    columns.minAmount[slot] = compiled.minAmount ?? Number.NaN;
    columns.maxAmount[slot] = compiled.maxAmount ?? Number.NaN;
    columns.currency[slot] = currency;
    columns.minimumCondition[slot] = compiled.minimumConditionRank ?? -1;
    columns.minDealScore[slot] = compiled.minDealScore ?? Number.NaN;
    columns.lat[slot] = compiled.center?.lat ?? Number.NaN;
    columns.lon[slot] = compiled.center?.lon ?? Number.NaN;
    columns.radiusMi[slot] = compiled.radiusMi ?? Number.NaN;
    columns.categoryLow[slot] = low;
    columns.categoryHigh[slot] = high;
    columns.marketplaceSet[slot] = marketplaceSet;
    const keywords = compiled.keywords.map((phrase) => phrase.map(intern));
    const excludes = compiled.excludes.map((phrase) => phrase.map(intern));
    const posted = keywords.map(rarestToken);
    const start = pool.append(keywords, posted, excludes);
    columns.dataStart[slot] = start;
    columns.dataLength[slot] = pool.length - start;
    let path = pathKeyword;
    if (keywords.length > 0) {
      posted.forEach((token, index) => {
        tokenPostings[token] ??= new PostingList();
        tokenPostings[token].push(slot * (keywordMask + 1) + index);
      });
    } else {
      path = postWithoutKeywords(slot, compiled);
    }
    columns.path[slot] = path;
    pathCounts[path]!++;
  };

  return {
    get size() {
      return idToSlot.size;
    },
    add,
    remove,
    has: (ruleId) => idToSlot.has(ruleId),
    match(listing) {
      if (listing.status !== 'active' || idToSlot.size === 0) return [];
      epoch = (epoch + 1) >>> 0;
      if (epoch === 0) {
        columns.seen.fill(0);
        epoch = 1;
      }
      const matcher = createListingProbe(listing);
      return matcher();
    },
    stats: () => ({
      rules: idToSlot.size,
      byKeyword: pathCounts[pathKeyword]!,
      byGrid: pathCounts[pathGrid]!,
      byCategory: pathCounts[pathCategory]!,
      byPrice: pathCounts[pathPrice]!,
      byMarketplace: pathCounts[pathMarketplace]!,
      scannedForEveryListing: pathCounts[pathEveryListing]!,
      distinctTokens: tokenTexts.length,
    }),
  };

  /** Prepares one listing and returns the function that collects its matching rule ids. */
  function createListingProbe(listing: Listing): () => string[] {
    const text = listingTokens(listing);
    const tokens = new Int32Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const token = text[i]!;
      tokens[i] = token === fieldSeparator ? separatorToken : (tokenIds.get(token) ?? unknownToken);
    }
    const rank = listing.condition ? conditionRank(listing.condition) : -1;
    const dealScore = listing.dealScore;
    const point =
      listing.location?.lat !== undefined && listing.location.lon !== undefined
        ? { lat: listing.location.lat, lon: listing.location.lon }
        : null;
    const chain = listing.category ? categoryChain(listing.category) : null;
    const categoryLow = chain?.low ?? 0;
    const categoryHigh = chain?.high ?? 0;
    const prices = new Float64Array(currencies.length).fill(Number.NaN);
    const priced = new Uint8Array(currencies.length);
    const priceIn = (currency: number): number => {
      if (!priced[currency]) {
        priced[currency] = 1;
        prices[currency] = amountInCurrency(listing.price, currencies[currency]!, convert) ?? Number.NaN;
      }
      return prices[currency]!;
    };
    const data = pool.data;
    const { seen } = columns;
    const out: string[] = [];

    const containsAt = (at: number, length: number): boolean => {
      const last = tokens.length - length;
      outer: for (let start = 0; start <= last; start++) {
        for (let offset = 0; offset < length; offset++) {
          if (tokens[start + offset] !== data[at + offset]) continue outer;
        }
        return true;
      }
      return false;
    };

    /** Every criterion but the keywords, which the access path already checked. */
    const accepts = (slot: number): boolean => {
      const currency = columns.currency[slot]!;
      if (currency >= 0) {
        const amount = priceIn(currency);
        if (Number.isNaN(amount) || amount < columns.minAmount[slot]! || amount > columns.maxAmount[slot]!) {
          return false;
        }
      }
      if (rank < columns.minimumCondition[slot]!) return false;
      const minScore = columns.minDealScore[slot]!;
      if (!Number.isNaN(minScore) && (dealScore === undefined || dealScore < minScore)) return false;
      const low = columns.categoryLow[slot]!;
      const high = columns.categoryHigh[slot]!;
      if ((low | high) !== 0 && ((low & categoryLow) | (high & categoryHigh)) === 0) return false;
      const marketplaceSet = columns.marketplaceSet[slot]!;
      if (marketplaceSet !== 0 && !marketplaceSets[marketplaceSet]!.has(listing.marketplace)) return false;
      const radius = columns.radiusMi[slot]!;
      if (!Number.isNaN(radius)) {
        if (!point) return false;
        const distance = haversineDistance({ lat: columns.lat[slot]!, lon: columns.lon[slot]! }, point, 'mi');
        if (!(distance <= radius)) return false;
      }
      const start = columns.dataStart[slot]!;
      const excludeCount = data[start + 1]!;
      if (excludeCount > 0) {
        let at = pool.excludesOffset(start);
        for (let i = 0; i < excludeCount; i++) {
          const length = data[at]!;
          if (containsAt(at + 1, length)) return false;
          at += 1 + length;
        }
      }
      return true;
    };

    const visitSlots = (list: PostingList | undefined): void => {
      if (!list) return;
      const entries = list.data;
      for (let i = 0; i < list.length; i++) {
        const slot = entries[i]!;
        if (seen[slot] === epoch) continue;
        seen[slot] = epoch;
        if (accepts(slot)) out.push(ids[slot]!);
      }
    };

    return () => {
      for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i]!;
        if (token < 0 || tokens.indexOf(token) < i) continue;
        const list = tokenPostings[token];
        if (!list) continue;
        const entries = list.data;
        for (let j = 0; j < list.length; j++) {
          const entry = entries[j]!;
          const slot = entry >>> keywordBits;
          if (seen[slot] === epoch) continue;
          const at = pool.keywordOffset(columns.dataStart[slot]!, entry & keywordMask);
          const length = data[at]!;
          if (length > 1 && !containsAt(at + 2, length)) continue;
          seen[slot] = epoch;
          if (accepts(slot)) out.push(ids[slot]!);
        }
      }
      if (point) visitSlots(gridPostings.get(grid.cellOf(point)));
      for (const bit of chain?.bits ?? []) visitSlots(categoryPostings[bit]);
      for (const [currency, bands] of pricePostings) {
        const amount = priceIn(currency);
        if (!Number.isNaN(amount)) visitSlots(bands[priceBand(amount)]);
      }
      visitSlots(marketplacePostings.get(listing.marketplace));
      visitSlots(everyListing);
      return out;
    };
  }
}

const chainMasks = new Map<string, { low: number; high: number; bits: number[] }>();

/**
 * The mask of a category and its ancestors (a rule matches when it shares any bit with it) and
 * the bits themselves, to visit the category buckets of the chain.
 */
function categoryChain(category: CategoryId): { low: number; high: number; bits: number[] } {
  let chain = chainMasks.get(category);
  if (!chain) {
    const ancestors = categoryAncestors(category);
    const [low, high] = categoryMask(ancestors);
    chain = { low, high, bits: ancestors.map((id) => categoryBit.get(id)!) };
    chainMasks.set(category, chain);
  }
  return chain;
}
