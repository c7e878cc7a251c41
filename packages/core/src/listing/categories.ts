import { z } from 'zod';

/**
 * The canonical category tree. Marketplaces map their own categories onto these ids; rules and
 * price analysis match a category together with all of its descendants. Ids are stable slugs.
 * The tree is documented in `docs/categories.md`.
 */
export const categoryTree = {
  electronics: {
    computers: {},
    'cell-phones': {},
    'video-games': {},
    'audio-equipment': {},
    cameras: {},
    'tv-video': {},
  },
  home: {
    furniture: {},
    household: {},
    appliances: {},
    'home-garden': {},
    'building-materials': {},
  },
  vehicles: {
    'cars-trucks': {},
    motorcycles: {},
    'auto-parts': {},
    boats: {},
    'rvs-campers': {},
    'heavy-equipment': {},
    trailers: {},
  },
  fashion: {
    clothing: { 'womens-clothing': {}, 'mens-clothing': {}, 'kids-clothing': {} },
    shoes: {},
    bags: {},
    jewelry: {},
    accessories: {},
  },
  'sporting-goods': {
    bicycles: {},
    'fitness-equipment': {},
    'outdoor-camping': {},
    'winter-sports': {},
  },
  tools: {},
  'musical-instruments': {},
  'books-media': { books: {}, 'music-movies': {} },
  'collectibles-art': { collectibles: {}, antiques: {}, art: {} },
  'toys-games': {},
  'baby-kids': {},
  'health-beauty': {},
  'business-industrial': {},
  tickets: {},
  other: {},
} as const;

type Tree = { readonly [id: string]: Tree };

type KeysDeep<T> =
  T extends Record<string, unknown>
    ? { [K in keyof T & string]: K | KeysDeep<T[K]> }[keyof T & string]
    : never;

/** Every canonical category id. */
export type CategoryId = KeysDeep<typeof categoryTree>;

const parents = new Map<string, string | null>();
const childrenOf = new Map<string, string[]>();
(function walk(tree: Tree, parent: string | null) {
  for (const [id, children] of Object.entries(tree)) {
    parents.set(id, parent);
    childrenOf.set(id, Object.keys(children));
    walk(children, id);
  }
})(categoryTree as Tree, null);

/** All canonical category ids, parents before children. */
export const categoryIds = [...parents.keys()] as CategoryId[];

export const CategoryIdSchema = z.enum(categoryIds as [CategoryId, ...CategoryId[]]);

/** True when `id` is a canonical category id. */
export function isCategoryId(id: string): id is CategoryId {
  return parents.has(id);
}

/** The parent of a category, or `null` for a top-level one. */
export function categoryParent(id: CategoryId): CategoryId | null {
  return (parents.get(id) ?? null) as CategoryId | null;
}

/** The category and its ancestors, nearest first (`womens-clothing`, `clothing`, `fashion`). */
export function categoryAncestors(id: CategoryId): CategoryId[] {
  const out: CategoryId[] = [];
  for (let current: string | null = id; current; current = parents.get(current) ?? null) {
    out.push(current as CategoryId);
  }
  return out;
}

/** The category and all its descendants. */
export function categoryDescendants(id: CategoryId): CategoryId[] {
  const out: CategoryId[] = [id];
  for (const child of childrenOf.get(id) ?? []) out.push(...categoryDescendants(child as CategoryId));
  return out;
}

/** True when `id` equals `ancestor` or lies below it in the tree. */
export function isCategoryWithin(id: CategoryId, ancestor: CategoryId): boolean {
  return categoryAncestors(id).includes(ancestor);
}
