import type { CategoryId } from '@deal-scout/core';

/** An OfferUp category by the names OfferUp shows (`listingCategory.categoryV2.l1Name` / `l2Name`). */
export type OfferUpCategory = { readonly l1Name: string; readonly l2Name?: string };

/**
 * Canonical → OfferUp. OfferUp publishes no category list, so this table uses the top-level and
 * second-level names seen in its listing JSON; hosts may override a mapping in settings.
 */
export const offerUpCategoryByCanonical: Readonly<Partial<Record<CategoryId, OfferUpCategory>>> = {
  electronics: { l1Name: 'Electronics & Media' },
  computers: { l1Name: 'Electronics & Media', l2Name: 'Computers & Accessories' },
  'cell-phones': { l1Name: 'Electronics & Media', l2Name: 'Cell Phones' },
  'video-games': { l1Name: 'Electronics & Media', l2Name: 'Video Games' },
  'audio-equipment': { l1Name: 'Electronics & Media', l2Name: 'Audio' },
  cameras: { l1Name: 'Electronics & Media', l2Name: 'Cameras' },
  'tv-video': { l1Name: 'Electronics & Media', l2Name: 'TVs' },
  home: { l1Name: 'Home & Garden' },
  furniture: { l1Name: 'Home & Garden', l2Name: 'Furniture' },
  household: { l1Name: 'Home & Garden', l2Name: 'Household' },
  appliances: { l1Name: 'Home & Garden', l2Name: 'Appliances' },
  'home-garden': { l1Name: 'Home & Garden', l2Name: 'Garden' },
  'building-materials': { l1Name: 'Home & Garden', l2Name: 'Home Improvement' },
  'cars-trucks': { l1Name: 'Vehicles', l2Name: 'Cars & Trucks' },
  motorcycles: { l1Name: 'Vehicles', l2Name: 'Motorcycles' },
  'auto-parts': { l1Name: 'Vehicles', l2Name: 'Auto Parts' },
  boats: { l1Name: 'Vehicles', l2Name: 'Boats' },
  'rvs-campers': { l1Name: 'Vehicles', l2Name: 'RVs & Campers' },
  trailers: { l1Name: 'Vehicles', l2Name: 'Trailers' },
  'heavy-equipment': { l1Name: 'Business Equipment', l2Name: 'Heavy Equipment' },
  vehicles: { l1Name: 'Vehicles' },
  fashion: { l1Name: 'Clothing, Shoes & Accessories' },
  clothing: { l1Name: 'Clothing, Shoes & Accessories', l2Name: 'Clothing' },
  'womens-clothing': { l1Name: 'Clothing, Shoes & Accessories', l2Name: "Women's Clothing" },
  'mens-clothing': { l1Name: 'Clothing, Shoes & Accessories', l2Name: "Men's Clothing" },
  'kids-clothing': { l1Name: 'Baby & Kids', l2Name: "Kids' Clothing" },
  shoes: { l1Name: 'Clothing, Shoes & Accessories', l2Name: 'Shoes' },
  bags: { l1Name: 'Clothing, Shoes & Accessories', l2Name: 'Bags' },
  jewelry: { l1Name: 'Clothing, Shoes & Accessories', l2Name: 'Jewelry' },
  accessories: { l1Name: 'Clothing, Shoes & Accessories', l2Name: 'Accessories' },
  'sporting-goods': { l1Name: 'Sports & Outdoors' },
  bicycles: { l1Name: 'Sports & Outdoors', l2Name: 'Bicycles' },
  'fitness-equipment': { l1Name: 'Sports & Outdoors', l2Name: 'Exercise & Fitness' },
  'outdoor-camping': { l1Name: 'Sports & Outdoors', l2Name: 'Camping' },
  'winter-sports': { l1Name: 'Sports & Outdoors', l2Name: 'Winter Sports' },
  tools: { l1Name: 'Home & Garden', l2Name: 'Tools' },
  'musical-instruments': { l1Name: 'Electronics & Media', l2Name: 'Musical Instruments' },
  'books-media': { l1Name: 'Electronics & Media', l2Name: 'Books & Magazines' },
  books: { l1Name: 'Electronics & Media', l2Name: 'Books & Magazines' },
  'music-movies': { l1Name: 'Electronics & Media', l2Name: 'Movies & Music' },
  'collectibles-art': { l1Name: 'Collectibles & Art' },
  collectibles: { l1Name: 'Collectibles & Art', l2Name: 'Collectibles' },
  antiques: { l1Name: 'Collectibles & Art', l2Name: 'Antiques' },
  art: { l1Name: 'Collectibles & Art', l2Name: 'Art' },
  'toys-games': { l1Name: 'Toys, Games & Hobbies' },
  'baby-kids': { l1Name: 'Baby & Kids' },
  'health-beauty': { l1Name: 'Health & Beauty' },
  'business-industrial': { l1Name: 'Business Equipment' },
  tickets: { l1Name: 'Tickets' },
  other: { l1Name: 'General' },
};

const normalise = (name: string) => name.trim().toLowerCase().replaceAll('&', 'and').replaceAll(/\s+/g, ' ');

const canonicalByName = new Map<string, CategoryId>();
for (const [canonical, category] of Object.entries(offerUpCategoryByCanonical) as [
  CategoryId,
  OfferUpCategory,
][]) {
  const key = normalise(`${category.l1Name}/${category.l2Name ?? ''}`);
  // The first canonical id listed for a pair wins (`books-media` before `books`).
  if (!canonicalByName.has(key)) canonicalByName.set(key, canonical);
}

/** The canonical category of an OfferUp category pair; falls back to the top level, `null` when unknown. */
export function fromOfferUpCategory(l1Name: string | undefined, l2Name?: string): CategoryId | null {
  if (!l1Name) return null;
  return (
    (l2Name ? canonicalByName.get(normalise(`${l1Name}/${l2Name}`)) : undefined) ??
    canonicalByName.get(normalise(`${l1Name}/`)) ??
    null
  );
}
