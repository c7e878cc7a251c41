import { ConfigurationError } from '../errors/configuration-error';
import { LimitExceededError } from '../errors/limit-exceeded-error';
import { type CategoryId, categoryAncestors } from '../listing/categories';
import { conditionRank } from '../listing/condition';
import type { Listing } from '../listing/listing';
import { type GeoPoint, haversineDistance } from '../listing/location';
import { type CompiledRule, compileRule, type MatchableRule } from './compiled-rule';
import { amountInCurrency } from './currency-converter';
import { createGeoGrid } from './geo-grid';
import { KeywordPool } from './keyword-pool';
import { fieldSeparator, listingTokens } from './listing-tokens';
import { PostingList } from './posting-list';
import { priceBand, priceBandRange } from './price-band';
import { categoryBit, categoryMask, field, RuleRecords, recordSize } from './rule-records';
import type { RuleMatchOptions } from './rule-semantics';

/** Settings of {@link createRuleIndex}. */
export type RuleIndexSettings = RuleMatchOptions & {
  /** Cell sides of the geographic grid's levels in degrees, finest first (default `[0.25, 1, 4]`); each must divide 180. */
  readonly gridLevelsDegrees?: readonly number[];
  /** Most grid cells a radius rule is posted in, at the finest level that allows it (default 16). */
  readonly maxGridCellsPerRule?: number;
};

/** How many rules are reached by each path, for monitoring and the benchmark. */
export type RuleIndexStats = {
  readonly rules: number;
  readonly byKeyword: number;
  /** Keyword rules with a radius, posted under (word, 4° cell) so far-away listings skip them. */
  readonly byKeywordNearby: number;
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
 * - a rule without keywords under the grid cells of its radius; else under its categories, each
 *   split by the log₂ bands of its price range; else under the bands of its price range alone;
 *   else its marketplaces; else on a short list checked for every listing.
 * Every other criterion lives in a flat record per rule and is checked on candidates only.
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
const pathKeywordNearby = 7;
/** Cells of the coarse grid keyword rules with a radius are posted in (fewer than 2^12). */
const nearbyCellSpace = 4096;

/** Keyword entries are `slot << 7 | keywordIndex << 1 | isPhrase`; rules have at most 50 keywords. */
const entryShift = 7;
const maxSlots = 2 ** (31 - entryShift);
const unknownToken = -1;
/** Miles per degree of latitude on the sphere `haversineDistance` uses (6371.0088 km). */
const milesPerDegree = ((6371.0088 / 1.609344) * Math.PI) / 180;
const separatorToken = -2;

/** Key of a category/price bucket: category bit + 1 (0: none), currency + 1 (0: any price), band. */
const facetKey = (category: number, currency: number, band: number) =>
  (category * 1024 + currency) * 128 + band;

/** Creates an empty rule index. */
export function createRuleIndex(settings: RuleIndexSettings = {}): RuleIndex {
  const levels = settings.gridLevelsDegrees ?? [0.25, 1, 4];
  if (levels.length === 0 || levels.some((degrees) => !(degrees > 0) || !Number.isInteger(180 / degrees))) {
    throw new ConfigurationError({ message: 'every grid level must divide 180 degrees', source: 'rules' });
  }
  const convert = settings.convert;
  const grid = createGeoGrid({ levels, maxCells: settings.maxGridCellsPerRule ?? 16 });
  const records = new RuleRecords();
  const pool = new KeywordPool();
  const idToSlot = new Map<string, number>();
  const ids: (string | undefined)[] = [];
  const freeSlots: number[] = [];
  const tokenIds = new Map<string, number>();
  const tokenTexts: string[] = [];
  const tokenPostings: (PostingList | undefined)[] = [];
  const gridPostings = new Map<number, PostingList>();
  const facetPostings = new Map<number, PostingList>();
  const marketplacePostings = new Map<string, PostingList>();
  const everyListing = new PostingList();
  const currencyIds = new Map<string, number>();
  const currencies: string[] = [];
  const marketplaceSetIds = new Map<string, number>([['', 0]]);
  const marketplaceSets: ReadonlySet<string>[] = [new Set()];
  const pathCounts = new Array<number>(8).fill(0);
  // Keyword rules with a radius are posted under (token, 4° cell): a listing only meets the
  // rules whose circle may reach its cell, instead of every rule with the word nationwide.
  const nearbyGrid = createGeoGrid({ levels: [4], maxCells: 16 });
  const nearbyPostings = new Map<number, PostingList>();
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
  const postingSize = (token: number) => tokenPostings[token]?.length ?? 0;
  const rarestToken = (phrase: readonly number[]): number => {
    let best = phrase[0]!;
    for (const token of phrase) {
      const size = postingSize(token);
      const bestSize = postingSize(best);
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

  /** The category/price bucket keys of a keyword-less rule at `base`, or `null` if it has none. */
  const facetKeys = (base: number, withCategories: boolean): number[] | null => {
    const data = records.data;
    const currency = data[base + field.currency]!;
    const bands =
      currency < 0 ? null : priceBandRange(data[base + field.minAmount]!, data[base + field.maxAmount]!);
    const categories: number[] = [];
    if (withCategories) {
      const low = data[base + field.categoryLow]!;
      const high = data[base + field.categoryHigh]!;
      for (const bit of categoryBit.values())
        if (((bit < 32 ? low : high) >>> (bit % 32)) & 1) categories.push(bit + 1);
      if (categories.length === 0) return null;
    } else if (!bands) {
      return null;
    }
    const keys: number[] = [];
    for (const category of withCategories ? categories : [0]) {
      if (!bands) keys.push(facetKey(category, 0, 0));
      else
        for (let band = bands[0]; band <= bands[1]; band++) keys.push(facetKey(category, currency + 1, band));
    }
    return keys;
  };

  /** Posts a keyword-less rule under its most selective buckets; returns the path used. */
  const postWithoutKeywords = (slot: number, compiled: CompiledRule): number => {
    const base = slot * recordSize;
    const cells = compiled.center ? grid.cellsForCircle(compiled.center, compiled.radiusMi!) : null;
    if (cells) {
      for (const cell of cells) bucket(gridPostings, cell).push(slot);
      return pathGrid;
    }
    const byCategory = facetKeys(base, true);
    const keys = byCategory ?? facetKeys(base, false);
    if (keys) {
      for (const key of keys) bucket(facetPostings, key).push(slot);
      return byCategory ? pathCategory : pathPrice;
    }
    if (compiled.marketplaces.size > 0) {
      for (const marketplace of compiled.marketplaces) bucket(marketplacePostings, marketplace).push(slot);
      return pathMarketplace;
    }
    everyListing.push(slot);
    return pathEveryListing;
  };

  const unpost = (slot: number): void => {
    const base = slot * recordSize;
    const data = records.data;
    const path = data[base + field.path]!;
    if (path === pathKeyword || path === pathKeywordNearby) {
      const start = data[base + field.dataStart]!;
      const count = pool.data[start]!;
      const cells =
        path === pathKeywordNearby
          ? nearbyGrid.cellsForCircle(
              { lat: data[base + field.lat]!, lon: data[base + field.lon]! },
              data[base + field.radiusMi]!,
            )!
          : null;
      for (let index = 0, at = start + 2; index < count; index++, at += 2 + pool.data[at]!) {
        const entry = (slot << entryShift) | (index << 1) | (pool.data[at]! > 1 ? 1 : 0);
        const token = pool.data[at + 1]!;
        if (cells)
          for (const cell of cells) nearbyPostings.get(token * nearbyCellSpace + cell)?.remove(entry);
        else tokenPostings[token]!.remove(entry);
      }
    } else if (path === pathGrid) {
      const center = { lat: data[base + field.lat]!, lon: data[base + field.lon]! };
      for (const cell of grid.cellsForCircle(center, data[base + field.radiusMi]!) ?? []) {
        gridPostings.get(cell)?.remove(slot);
      }
    } else if (path === pathCategory || path === pathPrice) {
      for (const key of facetKeys(base, path === pathCategory) ?? []) facetPostings.get(key)?.remove(slot);
    } else if (path === pathMarketplace) {
      for (const marketplace of marketplaceSets[data[base + field.marketplaceSet]!]!) {
        marketplacePostings.get(marketplace)?.remove(slot);
      }
    } else if (path === pathEveryListing) {
      everyListing.remove(slot);
    }
  };

  const remove = (ruleId: string): boolean => {
    const slot = idToSlot.get(ruleId);
    if (slot === undefined) return false;
    const base = slot * recordSize;
    unpost(slot);
    pathCounts[records.data[base + field.path]!]!--;
    pool.release(records.data[base + field.dataLength]!);
    records.data[base + field.path] = pathNone;
    ids[slot] = undefined;
    idToSlot.delete(ruleId);
    freeSlots.push(slot);
    pool.compactIfWasteful(records);
    return true;
  };

  const internCurrency = (currency: string | null): number => {
    if (currency === null) return -1;
    let id = currencyIds.get(currency);
    if (id === undefined) {
      id = currencies.push(currency) - 1;
      currencyIds.set(currency, id);
    }
    return id;
  };
  const internMarketplaces = (marketplaces: ReadonlySet<string>): number => {
    const key = [...marketplaces].sort().join(',');
    let id = marketplaceSetIds.get(key);
    if (id === undefined) {
      id = marketplaceSets.push(marketplaces) - 1;
      marketplaceSetIds.set(key, id);
    }
    return id;
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
      if (slot >= records.capacity) records.grow();
    }
    ids[slot] = rule.id;
    idToSlot.set(rule.id, slot);
    const keywords = compiled.keywords.map((phrase) => phrase.map(intern));
    const excludes = compiled.excludes.map((phrase) => phrase.map(intern));
    const posted = keywords.map(rarestToken);
    const start = pool.append(keywords, posted, excludes);
    const [low, high] = categoryMask(compiled.categories);
    const base = slot * recordSize;
    const data = records.data;
    data[base + field.seen] = 0;
    data[base + field.currency] = internCurrency(compiled.currency);
    data[base + field.minAmount] = compiled.minAmount ?? Number.NaN;
    data[base + field.maxAmount] = compiled.maxAmount ?? Number.NaN;
    data[base + field.minimumCondition] = compiled.minimumConditionRank ?? -1;
    data[base + field.minDealScore] = compiled.minDealScore ?? Number.NaN;
    data[base + field.categoryLow] = low;
    data[base + field.categoryHigh] = high;
    data[base + field.marketplaceSet] = internMarketplaces(compiled.marketplaces);
    data[base + field.radiusMi] = compiled.radiusMi ?? Number.NaN;
    data[base + field.lat] = compiled.center?.lat ?? Number.NaN;
    data[base + field.lon] = compiled.center?.lon ?? Number.NaN;
    data[base + field.dataStart] = start;
    data[base + field.dataLength] = pool.length - start;
    data[base + field.excludeCount] = excludes.length;
    let path = pathKeyword;
    if (keywords.length > 0) {
      const cells = compiled.center ? nearbyGrid.cellsForCircle(compiled.center, compiled.radiusMi!) : null;
      if (cells) path = pathKeywordNearby;
      posted.forEach((token, index) => {
        const entry = (slot << entryShift) | (index << 1) | (keywords[index]!.length > 1 ? 1 : 0);
        if (cells) {
          for (const cell of cells) bucket(nearbyPostings, token * nearbyCellSpace + cell).push(entry);
        } else {
          tokenPostings[token] ??= new PostingList();
          tokenPostings[token].push(entry);
        }
      });
    } else {
      path = postWithoutKeywords(slot, compiled);
    }
    data[base + field.path] = path;
    pathCounts[path]!++;
  };

  // The listing being matched. Kept in variables of the index rather than closures made per
  // listing: matching allocates almost nothing, and the hot functions below stay monomorphic.
  let probeTokens = new Int32Array(64);
  let probeTokenCount = 0;
  let probeListing: Listing | null = null;
  let probeRank = -1;
  let probeDealScore = Number.NaN;
  let probePoint: GeoPoint | null = null;
  let probeCategoryLow = 0;
  let probeCategoryHigh = 0;
  let probePrices = new Float64Array(8);
  let probePriced = new Uint8Array(8);
  let probeOut: string[] = [];
  const ruleCentre = { lat: 0, lon: 0 };

  function prepareProbe(listing: Listing): void {
    const text = listingTokens(listing);
    if (text.length > probeTokens.length) probeTokens = new Int32Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      const token = text[i]!;
      probeTokens[i] = token === fieldSeparator ? separatorToken : (tokenIds.get(token) ?? unknownToken);
    }
    probeTokenCount = text.length;
    probeListing = listing;
    probeRank = listing.condition ? conditionRank(listing.condition) : -1;
    probeDealScore = listing.dealScore ?? Number.NaN;
    probePoint =
      listing.location?.lat !== undefined && listing.location.lon !== undefined
        ? { lat: listing.location.lat, lon: listing.location.lon }
        : null;
    const chain = listing.category ? categoryChain(listing.category) : null;
    probeCategoryLow = chain?.low ?? 0;
    probeCategoryHigh = chain?.high ?? 0;
    if (probePrices.length < currencies.length) {
      probePrices = new Float64Array(currencies.length * 2);
      probePriced = new Uint8Array(currencies.length * 2);
    } else {
      probePriced.fill(0);
    }
    probeOut = [];
  }

  function priceIn(currency: number): number {
    if (!probePriced[currency]) {
      probePriced[currency] = 1;
      probePrices[currency] =
        amountInCurrency(probeListing!.price, currencies[currency]!, convert) ?? Number.NaN;
    }
    return probePrices[currency]!;
  }

  /** True when the tokens at `pool.data[at…at+length)` occur adjacent in the listing. */
  function containsAt(at: number, length: number): boolean {
    const data = pool.data;
    const last = probeTokenCount - length;
    outer: for (let start = 0; start <= last; start++) {
      for (let offset = 0; offset < length; offset++) {
        if (probeTokens[start + offset] !== data[at + offset]) continue outer;
      }
      return true;
    }
    return false;
  }

  /** Every criterion but the keywords, which the access path already checked. */
  function accepts(base: number): boolean {
    const data = records.data;
    const currency = data[base + field.currency]!;
    if (currency >= 0) {
      const amount = priceIn(currency);
      if (
        Number.isNaN(amount) ||
        amount < data[base + field.minAmount]! ||
        amount > data[base + field.maxAmount]!
      ) {
        return false;
      }
    }
    if (probeRank < data[base + field.minimumCondition]!) return false;
    const minScore = data[base + field.minDealScore]!;
    if (!Number.isNaN(minScore) && (Number.isNaN(probeDealScore) || probeDealScore < minScore)) return false;
    const low = data[base + field.categoryLow]!;
    const high = data[base + field.categoryHigh]!;
    if ((low !== 0 || high !== 0) && ((low & probeCategoryLow) | (high & probeCategoryHigh)) === 0)
      return false;
    const marketplaceSet = data[base + field.marketplaceSet]!;
    if (marketplaceSet !== 0 && !marketplaceSets[marketplaceSet]!.has(probeListing!.marketplace))
      return false;
    const radius = data[base + field.radiusMi]!;
    if (!Number.isNaN(radius)) {
      if (!probePoint) return false;
      // The distance is at least the latitude difference along a meridian: a cheap, safe reject.
      if (Math.abs(data[base + field.lat]! - probePoint.lat) * milesPerDegree > radius * (1 + 1e-9) + 1e-9) {
        return false;
      }
      ruleCentre.lat = data[base + field.lat]!;
      ruleCentre.lon = data[base + field.lon]!;
      if (!(haversineDistance(ruleCentre, probePoint, 'mi') <= radius)) return false;
    }
    const excludeCount = data[base + field.excludeCount]!;
    if (excludeCount > 0) {
      let at = pool.excludesOffset(data[base + field.dataStart]!);
      for (let i = 0; i < excludeCount; i++) {
        const length = pool.data[at]!;
        if (containsAt(at + 1, length)) return false;
        at += 1 + length;
      }
    }
    return true;
  }

  /** Checks every not-yet-decided rule of a keyword-less bucket. */
  function visitSlots(list: PostingList | undefined): void {
    if (!list) return;
    const entries = list.data;
    const data = records.data;
    for (let i = 0; i < list.length; i++) {
      const slot = entries[i]!;
      const base = slot * recordSize;
      if (data[base] === epoch) continue;
      data[base] = epoch;
      if (accepts(base)) probeOut.push(ids[slot]!);
    }
  }

  /** Checks the rules posted under a keyword token: first the phrase, then everything else. */
  function visitKeywordEntries(list: PostingList): void {
    const entries = list.data;
    const data = records.data;
    for (let j = 0; j < list.length; j++) {
      const entry = entries[j]!;
      const slot = entry >>> entryShift;
      const base = slot * recordSize;
      if (data[base] === epoch) continue;
      // A one-word keyword is the posted token itself, already present; a phrase is checked.
      if (entry & 1) {
        const at = pool.keywordOffset(data[base + field.dataStart]!, (entry >>> 1) & 63);
        if (!containsAt(at + 2, pool.data[at]!)) continue;
      }
      data[base] = epoch;
      if (accepts(base)) probeOut.push(ids[slot]!);
    }
  }

  function visitFacets(category: number): void {
    if (category > 0) visitSlots(facetPostings.get(facetKey(category, 0, 0)));
    for (let currency = 0; currency < currencies.length; currency++) {
      const amount = priceIn(currency);
      if (!Number.isNaN(amount))
        visitSlots(facetPostings.get(facetKey(category, currency + 1, priceBand(amount))));
    }
  }

  function collectMatches(listing: Listing): string[] {
    prepareProbe(listing);
    const nearbyCell = probePoint && nearbyPostings.size > 0 ? nearbyGrid.cellsOf(probePoint)[0]! : -1;
    for (let i = 0; i < probeTokenCount; i++) {
      const token = probeTokens[i]!;
      if (token < 0 || probeTokens.indexOf(token) < i) continue;
      const list = tokenPostings[token];
      if (list) visitKeywordEntries(list);
      if (nearbyCell >= 0) {
        const nearby = nearbyPostings.get(token * nearbyCellSpace + nearbyCell);
        if (nearby) visitKeywordEntries(nearby);
      }
    }
    if (probePoint && gridPostings.size > 0)
      for (const cell of grid.cellsOf(probePoint)) visitSlots(gridPostings.get(cell));
    if (facetPostings.size > 0) {
      visitFacets(0);
      if (listing.category) for (const bit of categoryChain(listing.category).bits) visitFacets(bit + 1);
    }
    visitSlots(marketplacePostings.get(listing.marketplace));
    visitSlots(everyListing);
    const out = probeOut;
    probeOut = [];
    probeListing = null;
    return out;
  }

  return {
    get size() {
      return idToSlot.size;
    },
    add,
    remove,
    has: (ruleId) => idToSlot.has(ruleId),
    match(listing) {
      if (listing.status !== 'active' || idToSlot.size === 0) return [];
      epoch++;
      return collectMatches(listing);
    },
    stats: () => ({
      rules: idToSlot.size,
      byKeyword: pathCounts[pathKeyword]!,
      byKeywordNearby: pathCounts[pathKeywordNearby]!,
      byGrid: pathCounts[pathGrid]!,
      byCategory: pathCounts[pathCategory]!,
      byPrice: pathCounts[pathPrice]!,
      byMarketplace: pathCounts[pathMarketplace]!,
      scannedForEveryListing: pathCounts[pathEveryListing]!,
      distinctTokens: tokenTexts.length,
    }),
  };
}

const chains = new Map<string, { low: number; high: number; bits: number[] }>();

/**
 * The mask of a category and its ancestors (a rule matches when it shares any bit with it) and
 * the bits themselves, to visit the category buckets of the chain.
 */
function categoryChain(category: CategoryId): { low: number; high: number; bits: number[] } {
  let chain = chains.get(category);
  if (!chain) {
    const ancestors = categoryAncestors(category);
    const [low, high] = categoryMask(ancestors);
    chain = { low, high, bits: ancestors.map((id) => categoryBit.get(id)!) };
    chains.set(category, chain);
  }
  return chain;
}
