import { type ListingDraft, ListingDraftSchema } from '@deal-scout/core';

/** Shaped like Poshmark's listing JSON (phposh tests/Data/item_response_1.json field names). */
export const poshmarkJson = {
  id: '5c4f1b2a9fe4862bd5b1c0de',
  title: 'Madewell Perfect Vintage Jean 27',
  description: 'High rise, light wash. Worn a handful of times.',
  price_amount: { val: '38.0', currency_code: 'USD' },
  original_price_amount: { val: '128.0', currency_code: 'USD' },
  brand: 'Madewell',
  brand_id: '01a4b',
  size: '27',
  colors: [{ name: 'Blue', rgb: '#0000ff' }],
  condition: 'not_nwt',
  department: { id: 'women', display: 'Women' },
  category_v2: { id: 'jeans', display: 'Jeans' },
  catalog: { department: { display: 'Women' }, category: { display: 'Jeans' } },
  cover_shot: { url: 'https://di2ponv0v5otw.cloudfront.net/posts/cover.jpg' },
  pictures: [{ url: 'https://di2ponv0v5otw.cloudfront.net/posts/p2.jpg' }],
  inventory: { status: 'available', multi_item: false },
  status: 'published',
  creator_id: '58aa11',
  creator_username: 'closetofada',
  like_count: 14,
  share_count: 220,
  created_at: '2019-01-28T09:17:14-08:00',
  origin_domain: 'us',
};

/** A fashion draft that passes Poshmark's rules once it has a size. */
export const poshmarkDraft = (overrides: Record<string, unknown> = {}): ListingDraft =>
  ListingDraftSchema.parse({
    sku: 'jeans-27',
    title: 'Madewell Perfect Vintage Jean',
    description: 'High rise, light wash.',
    price: { amount: 3_800, currency: 'USD' },
    condition: 'excellent',
    category: 'womens-clothing',
    brand: 'Madewell',
    size: '27',
    colors: ['Blue'],
    images: ['https://images.example.com/jeans.jpg'],
    marketplaceOptions: {
      poshmark: {
        category: 'Jeans',
        originalPrice: { amount: 12_800, currency: 'USD' },
        styleTags: ['vintage'],
      },
    },
    ...overrides,
  });
