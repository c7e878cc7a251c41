import type { CategoryId } from '@deal-scout/core';

/** Poshmark's departments (`department.display`). */
export const poshmarkDepartments = ['Women', 'Men', 'Kids', 'Home', 'Pets', 'Electronics'] as const;
export type PoshmarkDepartment = (typeof poshmarkDepartments)[number];

/** A Poshmark department and category by display name (`catalog.department`, `catalog.category`). */
export type PoshmarkCategory = { readonly department: PoshmarkDepartment; readonly category: string | null };

/**
 * Canonical → Poshmark. Where a canonical category is broader than Poshmark's (women's clothing
 * covers Dresses, Tops, Jeans…), `category` is `null` and the draft must name it in
 * `marketplaceOptions.poshmark.category`.
 */
export const poshmarkCategoryByCanonical: Readonly<Partial<Record<CategoryId, PoshmarkCategory>>> = {
  'womens-clothing': { department: 'Women', category: null },
  'mens-clothing': { department: 'Men', category: null },
  'kids-clothing': { department: 'Kids', category: null },
  clothing: { department: 'Women', category: null },
  fashion: { department: 'Women', category: null },
  shoes: { department: 'Women', category: 'Shoes' },
  bags: { department: 'Women', category: 'Bags' },
  jewelry: { department: 'Women', category: 'Jewelry' },
  accessories: { department: 'Women', category: 'Accessories' },
  'health-beauty': { department: 'Women', category: 'Makeup' },
  home: { department: 'Home', category: null },
  household: { department: 'Home', category: null },
  furniture: { department: 'Home', category: null },
  'baby-kids': { department: 'Kids', category: null },
  'toys-games': { department: 'Kids', category: 'Toys' },
  electronics: { department: 'Electronics', category: null },
};

/** Poshmark categories that sell by clothing, shoe or one-size sizes; others need no size. */
export const sizedCategories = new Set([
  'Dresses',
  'Tops',
  'Jeans',
  'Pants & Jumpsuits',
  'Pants',
  'Shorts',
  'Skirts',
  'Sweaters',
  'Jackets & Coats',
  'Swim',
  'Intimates & Sleepwear',
  'Suits & Blazers',
  'Shirts',
  'Shoes',
  'Bottoms',
  'One Pieces',
]);

const beauty = new Set(['Makeup', 'Skincare', 'Hair', 'Bath & Body']);
const accessoryCategories: Record<string, CategoryId> = {
  Shoes: 'shoes',
  Bags: 'bags',
  Jewelry: 'jewelry',
  Accessories: 'accessories',
  Toys: 'toys-games',
};

/** The canonical category of a Poshmark department and category, or `null` when unknown. */
export function fromPoshmarkCategory(
  department: string | undefined,
  category: string | undefined,
): CategoryId | null {
  if (category && accessoryCategories[category]) return accessoryCategories[category] as CategoryId;
  if (category && beauty.has(category)) return 'health-beauty';
  switch (department) {
    case 'Women':
      return 'womens-clothing';
    case 'Men':
      return 'mens-clothing';
    case 'Kids':
      return 'kids-clothing';
    case 'Home':
      return 'home';
    case 'Electronics':
      return 'electronics';
    case 'Pets':
      return 'other';
    default:
      return null;
  }
}
