/** How a Poshmark category is sized. */
export type PoshmarkSizeSystem = 'letter' | 'numeric' | 'shoe' | 'kids' | 'one_size';

const letterAliases: Record<string, string> = {
  xxs: 'XXS',
  'xx-small': 'XXS',
  xs: 'XS',
  'x-small': 'XS',
  'extra small': 'XS',
  s: 'S',
  small: 'S',
  m: 'M',
  medium: 'M',
  l: 'L',
  large: 'L',
  xl: 'XL',
  'x-large': 'XL',
  'extra large': 'XL',
  xxl: 'XXL',
  '2xl': 'XXL',
  'xx-large': 'XXL',
  '3xl': '3X',
  '3x': '3X',
  xxxl: '3X',
  '4x': '4X',
  '4xl': '4X',
  '5x': '5X',
  '5xl': '5X',
  os: 'OS',
  'one size': 'OS',
  'one-size': 'OS',
};

const womensNumeric = new Set([
  '00',
  '0',
  '2',
  '4',
  '6',
  '8',
  '10',
  '12',
  '14',
  '16',
  '18',
  '20',
  '22',
  '24',
]);
const kidsSizes = new Set([
  'NB',
  '0-3M',
  '3-6M',
  '6-9M',
  '9-12M',
  '12-18M',
  '18-24M',
  '2T',
  '3T',
  '4T',
  '5T',
  '4',
  '5',
  '6',
  '6X',
  '7',
  '8',
  '10',
  '12',
  '14',
  '16',
]);

/** The size system of a Poshmark department and category. */
export function sizeSystemOf(department: string, category: string | null): PoshmarkSizeSystem {
  if (category === 'Shoes') return 'shoe';
  if (department === 'Kids') return 'kids';
  if (
    category &&
    ['Bags', 'Jewelry', 'Accessories', 'Makeup', 'Skincare', 'Hair', 'Bath & Body'].includes(category)
  ) {
    return 'one_size';
  }
  if (department === 'Home' || department === 'Pets' || department === 'Electronics') return 'one_size';
  return department === 'Women' &&
    category &&
    ['Dresses', 'Jeans', 'Pants & Jumpsuits', 'Skirts', 'Shorts'].includes(category)
    ? 'numeric'
    : 'letter';
}

/**
 * Maps a free-text size onto Poshmark's label for the category, or returns `null` when the size
 * does not exist in that category's system. Letter sizes are accepted in every clothing system
 * (Poshmark lists both `M` and `8` for women's dresses); men's waist sizes (`32`, `32x30`) are kept.
 */
export function toPoshmarkSize(size: string, department: string, category: string | null): string | null {
  const text = size.trim();
  const lower = text.toLowerCase().replaceAll(/\s+/g, ' ');
  const system = sizeSystemOf(department, category);
  const letter = letterAliases[lower];
  if (system === 'one_size') return letter === 'OS' || lower === '' ? 'OS' : (letter ?? text);
  if (system === 'shoe') {
    const number = Number(lower.replace(/^(us|w|m)\s?/, ''));
    return Number.isFinite(number) && number >= 1 && number <= 16 && Number.isInteger(number * 2)
      ? String(number)
      : null;
  }
  if (system === 'kids') {
    const upper = text.toUpperCase().replaceAll(' ', '');
    if (kidsSizes.has(upper)) return upper;
    return letter && letter !== 'OS' ? letter : null;
  }
  if (letter) return letter;
  if (system === 'numeric' && womensNumeric.has(lower)) return lower;
  if (department === 'Men' && /^\d{2}(x\d{2})?$/.test(lower)) return lower;
  if (department === 'Women' && womensNumeric.has(lower)) return lower;
  return null;
}
