import { type CategoryId, categoryAncestors } from '@deal-scout/core';

/**
 * eBay US category ids (the EBAY_US category tree, stable across tree versions for these
 * top-level and well-known second-level nodes) mapped onto canonical categories. Listings are
 * mapped by walking their category path from the leaf up and taking the first id found here;
 * searches send the eBay id of the requested canonical category.
 *
 * | eBay id | eBay category                          | canonical             |
 * |---------|----------------------------------------|-----------------------|
 * | 293     | Consumer Electronics                   | `electronics`         |
 * | 58058   | Computers/Tablets & Networking         | `computers`           |
 * | 15032   | Cell Phones & Accessories              | `cell-phones`         |
 * | 1249    | Video Games & Consoles                 | `video-games`         |
 * | 184973  | Portable Audio & Headphones            | `audio-equipment`     |
 * | 625     | Cameras & Photo                        | `cameras`             |
 * | 32852   | TV, Video & Home Audio                 | `tv-video`            |
 * | 11700   | Home & Garden                          | `home`                |
 * | 3197    | Furniture                              | `furniture`           |
 * | 20625   | Kitchen, Dining & Bar                  | `household`           |
 * | 20710   | Major Appliances                       | `appliances`          |
 * | 159912  | Yard, Garden & Outdoor Living          | `home-garden`         |
 * | 11874   | Home Improvement                       | `building-materials`  |
 * | 631     | Tools & Workshop Equipment             | `tools`               |
 * | 6000    | eBay Motors                            | `vehicles`            |
 * | 6001    | Cars & Trucks                          | `cars-trucks`         |
 * | 6024    | Motorcycles                            | `motorcycles`         |
 * | 6028    | Parts & Accessories                    | `auto-parts`          |
 * | 26429   | Boats                                  | `boats`               |
 * | 50054   | RVs & Campers                          | `rvs-campers`         |
 * | 66466   | Trailers                               | `trailers`            |
 * | 11450   | Clothing, Shoes & Accessories          | `fashion`             |
 * | 260010  | Women (Clothing, Shoes & Accessories)  | `womens-clothing`     |
 * | 260012  | Men (Clothing, Shoes & Accessories)    | `mens-clothing`       |
 * | 171146  | Kids (Clothing, Shoes & Accessories)   | `kids-clothing`       |
 * | 281     | Jewelry & Watches                      | `jewelry`             |
 * | 888     | Sporting Goods                         | `sporting-goods`      |
 * | 7294    | Cycling                                | `bicycles`            |
 * | 15273   | Fitness, Running & Yoga                | `fitness-equipment`   |
 * | 159043  | Outdoor Sports                         | `outdoor-camping`     |
 * | 36259   | Winter Sports                          | `winter-sports`       |
 * | 619     | Musical Instruments & Gear             | `musical-instruments` |
 * | 267     | Books & Magazines                      | `books`               |
 * | 11233   | Music                                  | `music-movies`        |
 * | 11232   | Movies & TV                            | `music-movies`        |
 * | 1       | Collectibles                           | `collectibles`        |
 * | 20081   | Antiques                               | `antiques`            |
 * | 550     | Art                                    | `art`                 |
 * | 220     | Toys & Hobbies                         | `toys-games`          |
 * | 2984    | Baby                                   | `baby-kids`           |
 * | 26395   | Health & Beauty                        | `health-beauty`       |
 * | 12576   | Business & Industrial                  | `business-industrial` |
 * | 1305    | Tickets & Experiences                  | `tickets`             |
 * | 99      | Everything Else                        | `other`               |
 *
 * Canonical categories without a row (`fashion`'s `shoes`, `bags`, `accessories`, `clothing`,
 * `collectibles-art`, `books-media`) are searched through their nearest mapped ancestor.
 */
export const ebayCategoryTable: ReadonlyArray<{ readonly ebayId: string; readonly category: CategoryId }> = [
  { ebayId: '293', category: 'electronics' },
  { ebayId: '58058', category: 'computers' },
  { ebayId: '15032', category: 'cell-phones' },
  { ebayId: '1249', category: 'video-games' },
  { ebayId: '184973', category: 'audio-equipment' },
  { ebayId: '625', category: 'cameras' },
  { ebayId: '32852', category: 'tv-video' },
  { ebayId: '11700', category: 'home' },
  { ebayId: '3197', category: 'furniture' },
  { ebayId: '20625', category: 'household' },
  { ebayId: '20710', category: 'appliances' },
  { ebayId: '159912', category: 'home-garden' },
  { ebayId: '11874', category: 'building-materials' },
  { ebayId: '631', category: 'tools' },
  { ebayId: '6000', category: 'vehicles' },
  { ebayId: '6001', category: 'cars-trucks' },
  { ebayId: '6024', category: 'motorcycles' },
  { ebayId: '6028', category: 'auto-parts' },
  { ebayId: '26429', category: 'boats' },
  { ebayId: '50054', category: 'rvs-campers' },
  { ebayId: '66466', category: 'trailers' },
  { ebayId: '11450', category: 'fashion' },
  { ebayId: '260010', category: 'womens-clothing' },
  { ebayId: '260012', category: 'mens-clothing' },
  { ebayId: '171146', category: 'kids-clothing' },
  { ebayId: '281', category: 'jewelry' },
  { ebayId: '888', category: 'sporting-goods' },
  { ebayId: '7294', category: 'bicycles' },
  { ebayId: '15273', category: 'fitness-equipment' },
  { ebayId: '159043', category: 'outdoor-camping' },
  { ebayId: '36259', category: 'winter-sports' },
  { ebayId: '619', category: 'musical-instruments' },
  { ebayId: '267', category: 'books' },
  { ebayId: '11233', category: 'music-movies' },
  { ebayId: '11232', category: 'music-movies' },
  { ebayId: '1', category: 'collectibles' },
  { ebayId: '20081', category: 'antiques' },
  { ebayId: '550', category: 'art' },
  { ebayId: '220', category: 'toys-games' },
  { ebayId: '2984', category: 'baby-kids' },
  { ebayId: '26395', category: 'health-beauty' },
  { ebayId: '12576', category: 'business-industrial' },
  { ebayId: '1305', category: 'tickets' },
  { ebayId: '99', category: 'other' },
];

const byEbayId = new Map(ebayCategoryTable.map((row) => [row.ebayId, row.category]));
const byCategory = new Map<CategoryId, string>();
for (const row of ebayCategoryTable)
  if (!byCategory.has(row.category)) byCategory.set(row.category, row.ebayId);

/**
 * The canonical category of an eBay category path (ids leaf first or root first, any order: the
 * most specific mapped id wins), or `null` when none of the ids is mapped.
 */
export function categoryFromEbayIds(ids: readonly string[]): CategoryId | null {
  let best: CategoryId | null = null;
  for (const id of ids) {
    const category = byEbayId.get(id);
    if (category && (!best || categoryAncestors(category).length > categoryAncestors(best).length))
      best = category;
  }
  return best;
}

/** The eBay category id to search for a canonical category: its own row, else its nearest mapped ancestor. */
export function ebayCategoryIdFor(category: CategoryId): string | null {
  for (const candidate of categoryAncestors(category)) {
    const id = byCategory.get(candidate);
    if (id) return id;
  }
  return null;
}

/**
 * Category names mapped onto canonical categories, for category paths whose ids are not in the
 * id table (other sites' trees, new leaves). Patterns match whole words of eBay's English names;
 * the most specific canonical category found wins, as with ids.
 */
export const ebayCategoryNamePatterns: ReadonlyArray<{
  readonly pattern: RegExp;
  readonly category: CategoryId;
}> = [
  { pattern: /\b(cell|mobile) phones?\b|\bsmart ?phones?\b/i, category: 'cell-phones' },
  { pattern: /\blaptops?\b|\bcomputers?\b|\btablets?\b|\bdesktops?\b/i, category: 'computers' },
  { pattern: /\bvideo games?\b|\bconsoles?\b/i, category: 'video-games' },
  { pattern: /\bheadphones?\b|\bhome audio\b|\bspeakers?\b/i, category: 'audio-equipment' },
  { pattern: /\bcameras?\b/i, category: 'cameras' },
  { pattern: /\btvs?\b|\btelevisions?\b/i, category: 'tv-video' },
  { pattern: /\bconsumer electronics\b/i, category: 'electronics' },
  { pattern: /\bfurniture\b/i, category: 'furniture' },
  { pattern: /\bappliances?\b/i, category: 'appliances' },
  { pattern: /\bkitchen\b|\bhousehold\b/i, category: 'household' },
  { pattern: /\bgarden\b|\byard\b/i, category: 'home-garden' },
  { pattern: /\btools?\b/i, category: 'tools' },
  { pattern: /\bcars?\b(?! (?:parts|audio))|\btrucks?\b/i, category: 'cars-trucks' },
  { pattern: /\bmotorcycles?\b/i, category: 'motorcycles' },
  { pattern: /\bboats?\b/i, category: 'boats' },
  { pattern: /\bcampers?\b|\brvs?\b/i, category: 'rvs-campers' },
  { pattern: /\btrailers?\b/i, category: 'trailers' },
  { pattern: /\bshoes\b|\bsneakers\b|\bboots\b/i, category: 'shoes' },
  { pattern: /\bhandbags?\b|\bbags\b|\bbackpacks?\b/i, category: 'bags' },
  { pattern: /\bjewell?ery\b|\bwatches\b/i, category: 'jewelry' },
  { pattern: /\bwomen'?s?\b.*\bclothing\b/i, category: 'womens-clothing' },
  { pattern: /\bmen'?s?\b.*\bclothing\b/i, category: 'mens-clothing' },
  { pattern: /\bclothing\b/i, category: 'clothing' },
  { pattern: /\bbicycles?\b|\bbikes?\b|\bcycling\b/i, category: 'bicycles' },
  { pattern: /\bfitness\b|\bexercise\b/i, category: 'fitness-equipment' },
  { pattern: /\bcamping\b|\bhiking\b/i, category: 'outdoor-camping' },
  {
    pattern: /\bmusical instruments?\b|\bguitars?\b|\bpianos?\b|\bdrums\b/i,
    category: 'musical-instruments',
  },
  { pattern: /\bbooks?\b/i, category: 'books' },
  { pattern: /\bmovies?\b|\bdvds?\b|\bvinyl\b|\bmusic\b/i, category: 'music-movies' },
  { pattern: /\bantiques?\b/i, category: 'antiques' },
  { pattern: /\bcollectibles?\b/i, category: 'collectibles' },
  { pattern: /\btoys?\b/i, category: 'toys-games' },
  { pattern: /\bbaby\b/i, category: 'baby-kids' },
  { pattern: /\bhealth\b|\bbeauty\b/i, category: 'health-beauty' },
  { pattern: /\btickets?\b/i, category: 'tickets' },
];

/**
 * The canonical category of an eBay category path: by id first ({@link categoryFromEbayIds}), then
 * by the names of the path's categories; `null` when neither says.
 */
export function categoryFromEbayCategories(
  ids: readonly string[],
  names: readonly string[],
): CategoryId | null {
  const byId = categoryFromEbayIds(ids);
  if (byId) return byId;
  let best: CategoryId | null = null;
  for (const name of names) {
    for (const { pattern, category } of ebayCategoryNamePatterns) {
      if (
        pattern.test(name) &&
        (!best || categoryAncestors(category).length > categoryAncestors(best).length)
      ) {
        best = category;
      }
    }
  }
  return best;
}
