import { describe, expect, it } from 'vitest';
import {
  CategoryIdSchema,
  categoryAncestors,
  categoryDescendants,
  categoryIds,
  categoryParent,
  isCategoryId,
  isCategoryWithin,
} from './categories';
import { conditionRank, isConditionAtLeast, parseCondition } from './condition';

describe('canonical categories', () => {
  it('has unique ids with parents before children', () => {
    expect(new Set(categoryIds).size).toBe(categoryIds.length);
    for (const [index, id] of categoryIds.entries()) {
      const parent = categoryParent(id);
      if (parent) expect(categoryIds.indexOf(parent)).toBeLessThan(index);
    }
  });

  it('walks the tree both ways', () => {
    expect(categoryAncestors('womens-clothing')).toEqual(['womens-clothing', 'clothing', 'fashion']);
    expect(categoryDescendants('clothing')).toEqual([
      'clothing',
      'womens-clothing',
      'mens-clothing',
      'kids-clothing',
    ]);
    expect(isCategoryWithin('womens-clothing', 'fashion')).toBe(true);
    expect(isCategoryWithin('fashion', 'womens-clothing')).toBe(false);
    expect(isCategoryWithin('computers', 'computers')).toBe(true);
  });

  it('rejects unknown ids', () => {
    expect(isCategoryId('electronics')).toBe(true);
    expect(isCategoryId('gadgets')).toBe(false);
    expect(CategoryIdSchema.safeParse('gadgets').success).toBe(false);
  });
});

describe('condition scale', () => {
  it('orders conditions best first', () => {
    expect(conditionRank('new')).toBe(6);
    expect(conditionRank('for_parts')).toBe(0);
    expect(isConditionAtLeast('excellent', 'good')).toBe(true);
    expect(isConditionAtLeast('fair', 'good')).toBe(false);
  });

  it('maps free-text conditions', () => {
    expect(parseCondition('Like New')).toBe('like_new');
    expect(parseCondition('salvage')).toBe('for_parts');
    expect(parseCondition('  very   good ')).toBe('excellent');
    expect(parseCondition('mint-ish')).toBeNull();
    expect(parseCondition(undefined)).toBeNull();
  });
});
