import { describe, expect, it } from 'vitest';
import { sizeSystemOf, toPoshmarkSize } from './poshmark-sizes';

describe('Poshmark sizes', () => {
  it('picks the size system from department and category', () => {
    expect(sizeSystemOf('Women', 'Shoes')).toBe('shoe');
    expect(sizeSystemOf('Women', 'Dresses')).toBe('numeric');
    expect(sizeSystemOf('Men', 'Shirts')).toBe('letter');
    expect(sizeSystemOf('Kids', 'Tops')).toBe('kids');
    expect(sizeSystemOf('Women', 'Bags')).toBe('one_size');
  });

  it.each([
    ['medium', 'Women', 'Tops', 'M'],
    ['X-Large', 'Men', 'Shirts', 'XL'],
    ['2XL', 'Women', 'Sweaters', 'XXL'],
    ['8', 'Women', 'Dresses', '8'],
    ['00', 'Women', 'Jeans', '00'],
    ['32x30', 'Men', 'Jeans', '32x30'],
    ['US 8.5', 'Women', 'Shoes', '8.5'],
    ['10', 'Men', 'Shoes', '10'],
    ['3t', 'Kids', 'Tops', '3T'],
    ['6-9m', 'Kids', 'One Pieces', '6-9M'],
    ['one size', 'Women', 'Bags', 'OS'],
  ])('maps %s (%s %s) to %s', (size, department, category, expected) => {
    expect(toPoshmarkSize(size, department, category)).toBe(expected);
  });

  it.each([
    ['8.25', 'Women', 'Shoes'],
    ['42', 'Women', 'Shoes'],
    ['huge', 'Women', 'Tops'],
    ['7', 'Women', 'Dresses'],
    ['25T', 'Kids', 'Tops'],
  ])('rejects %s for %s %s', (size, department, category) => {
    expect(toPoshmarkSize(size, department, category)).toBeNull();
  });
});
