import { categoryIds, conditions } from '@deal-scout/core';
import { describe, expect, it } from 'vitest';
import { categoryFromEbayCategories, categoryFromEbayIds, ebayCategoryIdFor } from './ebay-category-map';
import {
  conditionFromEbayId,
  ebayConditionEnumFor,
  ebayConditionIdsFor,
  ebayConditionTable,
} from './ebay-condition-map';
import { ebayAmountFromMoney, moneyFromEbayAmount } from './money-from-ebay-amount';

describe('eBay money', () => {
  it('converts decimal strings into exact minor units per currency', () => {
    expect(moneyFromEbayAmount({ value: '389.99', currency: 'USD' })).toEqual({
      amount: 38999,
      currency: 'USD',
    });
    expect(moneyFromEbayAmount({ value: '0.1', currency: 'USD' })).toEqual({ amount: 10, currency: 'USD' });
    expect(moneyFromEbayAmount({ value: '1200', currency: 'JPY' })).toEqual({
      amount: 1200,
      currency: 'JPY',
    });
    // 1.005 would round wrongly through floating point; strings avoid that entirely.
    expect(moneyFromEbayAmount({ value: '1.005', currency: 'KWD' })).toEqual({
      amount: 1005,
      currency: 'KWD',
    });
    expect(moneyFromEbayAmount({ value: '12.345', currency: 'USD' })).toBeNull();
    expect(moneyFromEbayAmount({ value: '-1.00', currency: 'USD' })).toBeNull();
    expect(moneyFromEbayAmount({ value: '1.00', currency: 'XXY' })).toBeNull();
  });

  it('formats minor units back into eBay decimal strings', () => {
    expect(ebayAmountFromMoney({ amount: 5, currency: 'USD' })).toEqual({ value: '0.05', currency: 'USD' });
    expect(ebayAmountFromMoney({ amount: 38999, currency: 'USD' })).toEqual({
      value: '389.99',
      currency: 'USD',
    });
    expect(ebayAmountFromMoney({ amount: 1200, currency: 'JPY' })).toEqual({
      value: '1200',
      currency: 'JPY',
    });
  });
});

describe('eBay condition table', () => {
  it('maps condition ids onto the canonical scale and back as filter ids', () => {
    expect(conditionFromEbayId('1000')).toBe('new');
    expect(conditionFromEbayId(3000)).toBe('good');
    expect(conditionFromEbayId('7000')).toBe('for_parts');
    expect(conditionFromEbayId('9999')).toBeNull();
    for (const row of ebayConditionTable) expect(ebayConditionIdsFor([row.condition])).toContain(row.id);
    expect(ebayConditionIdsFor(['poor'])).toEqual([]);
  });

  it('has an Inventory ConditionEnum for every canonical condition, taken from the table', () => {
    const enums = new Set(ebayConditionTable.map((row) => row.conditionEnum));
    for (const condition of conditions) expect(enums.has(ebayConditionEnumFor[condition])).toBe(true);
  });
});

describe('eBay category table', () => {
  it('maps a category path to its most specific canonical category', () => {
    expect(categoryFromEbayIds(['9355', '15032'])).toBe('cell-phones');
    expect(categoryFromEbayIds(['6000', '6001'])).toBe('cars-trucks');
    expect(categoryFromEbayIds(['123456'])).toBeNull();
  });

  it('finds an eBay id for every canonical category through itself or an ancestor, except umbrella nodes', () => {
    const unmapped = categoryIds.filter((id) => ebayCategoryIdFor(id) === null);
    expect(unmapped).toEqual(['books-media', 'collectibles-art']);
    expect(ebayCategoryIdFor('shoes')).toBe('11450');
  });
});

describe('eBay category names', () => {
  it('maps category names when the ids are not in the table (other sites, new leaves)', () => {
    expect(categoryFromEbayCategories(['9999991'], ['Mobile & Smart Phones'])).toBe('cell-phones');
    expect(categoryFromEbayCategories(['9999992', '9999993'], ['Sporting Goods', 'Cycling', 'Bikes'])).toBe(
      'bicycles',
    );
    expect(categoryFromEbayCategories(['9999994'], ["Women's Shoes"])).toBe('shoes');
    expect(categoryFromEbayCategories(['9999997'], ["Men's Clothing", 'Coats & Jackets'])).toBe(
      'mens-clothing',
    );
    expect(categoryFromEbayCategories(['9999995'], ['Car Parts'])).toBeNull();
    expect(categoryFromEbayCategories(['9999996'], ['Pet Supplies'])).toBeNull();
    // Ids win over names.
    expect(categoryFromEbayCategories(['267'], ['Cell Phones'])).toBe('books');
  });
});
