import type { ListingDraft } from '@deal-scout/core';
import { describe, expect, it } from 'vitest';
import { poshmarkDraft } from '../../test/fixtures';
import { createPoshmarkMarketplace } from '../create-poshmark-marketplace';

const fields = (draft: ListingDraft) =>
  createPoshmarkMarketplace().validateDraft!(draft)
    .map((issue) => issue.field)
    .sort();

describe('Poshmark draft rules', () => {
  it('accepts a complete fashion listing', () => {
    expect(createPoshmarkMarketplace().validateDraft!(poshmarkDraft({ size: 'M' }))).toEqual([]);
  });

  it('limits the title to 80 and the description to 1,500 characters', () => {
    expect(
      fields(poshmarkDraft({ title: 'x'.repeat(81), description: 'y'.repeat(1_501), size: 'M' })),
    ).toEqual(['description', 'title']);
  });

  it('needs a brand, at most two colours, and a Poshmark condition', () => {
    expect(
      fields(
        poshmarkDraft({
          brand: undefined,
          colors: ['Blue', 'White', 'Red'],
          condition: 'for_parts',
          size: 'M',
        }),
      ),
    ).toEqual(['brand', 'colors', 'condition']);
  });

  it('needs the category when the canonical one is broader, and a valid size for it', () => {
    expect(fields(poshmarkDraft({ marketplaceOptions: {}, size: 'M' }))).toEqual([
      'marketplaceOptions.poshmark.category',
    ]);
    expect(fields(poshmarkDraft({ size: undefined }))).toEqual(['size']);
    expect(fields(poshmarkDraft({ size: 'XXXXXL-ish' }))).toEqual(['size']);
    expect(fields(poshmarkDraft({ category: 'shoes', size: '8.5', marketplaceOptions: {} }))).toEqual([]);
    expect(fields(poshmarkDraft({ category: 'tools', marketplaceOptions: {} }))).toEqual(['category']);
  });

  it('checks the original price, photo count and currency', () => {
    const images = Array.from({ length: 17 }, (_, i) => `https://images.example.com/${i}.jpg`);
    expect(
      fields(
        poshmarkDraft({
          size: 'M',
          images,
          marketplaceOptions: {
            poshmark: { category: 'Jeans', originalPrice: { amount: 100, currency: 'USD' } },
          },
        }),
      ),
    ).toEqual(['images', 'marketplaceOptions.poshmark.originalPrice']);
    expect(
      fields(
        poshmarkDraft({
          size: 'M',
          price: { amount: 3_800, currency: 'EUR' },
          marketplaceOptions: { poshmark: { category: 'Jeans' } },
        }),
      ),
    ).toEqual(['price.currency']);
  });

  it('rejects unknown Poshmark options', () => {
    expect(
      fields(
        poshmarkDraft({ size: 'M', marketplaceOptions: { poshmark: { category: 'Jeans', party: 'yes' } } }),
      ),
    ).toEqual(['marketplaceOptions.poshmark']);
  });
});
