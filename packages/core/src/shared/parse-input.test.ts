import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError } from '../errors/validation-error';
import { formatIssuePath, parseInput } from './parse-input';

describe('parseInput', () => {
  const schema = z.object({ items: z.array(z.object({ id: z.string() })), name: z.string() });

  it('returns the parsed value', () => {
    expect(parseInput(schema, { items: [{ id: 'a' }], name: 'x' })).toEqual({
      items: [{ id: 'a' }],
      name: 'x',
    });
  });

  it('throws a ValidationError naming the first field and listing every issue', () => {
    const error = (() => {
      try {
        parseInput(schema, { items: [{ id: 1 }], name: 2 }, { subject: 'order' });
      } catch (e) {
        return e;
      }
    })() as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.field).toBe('items[0].id');
    expect(error.issues.map((issue) => issue.field)).toEqual(['items[0].id', 'name']);
    expect(error.message).toMatch(/^\[deal-scout\] Invalid order: items\[0\]\.id: .* \(\+1 more\)/);
  });

  it('prefixes paths with a field, joining array indexes without a dot', () => {
    const fieldOf = (value: unknown, field: string) => {
      try {
        parseInput(z.array(z.object({ sellerId: z.string() })), value, { field });
      } catch (e) {
        return (e as ValidationError).field;
      }
      return null;
    };
    expect(fieldOf([{ sellerId: 1 }], 'sellers')).toBe('sellers[0].sellerId');
    expect(fieldOf('nope', 'sellers')).toBe('sellers');
  });

  it('formats paths', () => {
    expect(formatIssuePath(['a', 0, 'b'])).toBe('a[0].b');
    expect(formatIssuePath([])).toBe('(input)');
  });
});
