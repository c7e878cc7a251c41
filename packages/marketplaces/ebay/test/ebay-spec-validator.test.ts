import { describe, expect, it } from 'vitest';
import { createEbaySpecValidator, hasEbaySpecs, missingSpecsMessage } from './ebay-spec-validator';

if (!hasEbaySpecs) console.warn(missingSpecsMessage);

// The validator guards every other test, so it is proved to reject what eBay would reject.
describe.runIf(hasEbaySpecs)('the eBay OpenAPI validator used by the tests', () => {
  const validator = createEbaySpecValidator();
  const headers = (entries: Record<string, string>) => new Headers({ authorization: 'Bearer t', ...entries });

  it('finds operations by method and path template, literal paths first', () => {
    expect(validator.operationOf('GET', 'https://api.ebay.com/buy/browse/v1/item/v1%7C1%7C0')).toBe(
      'getItem',
    );
    expect(
      validator.operationOf('GET', 'https://api.ebay.com/buy/browse/v1/item/get_item_by_legacy_id'),
    ).toBe('getItemByLegacyId');
    expect(validator.operationOf('POST', 'https://api.ebay.com/sell/inventory/v1/offer/42/publish')).toBe(
      'publishOffer',
    );
    expect(validator.operationOf('PATCH', 'https://api.ebay.com/sell/inventory/v1/offer')).toBeNull();
  });

  it('rejects undocumented query parameters and missing required ones', () => {
    const problems = validator.validateRequest({
      method: 'GET',
      url: 'https://api.ebay.com/commerce/taxonomy/v1/category_tree/0/get_category_suggestions?query=desk',
      headers: headers({}),
      body: '',
    });
    expect(problems).toEqual([
      'getCategorySuggestions: missing required query parameter q',
      'getCategorySuggestions: undocumented query parameter query',
    ]);
  });

  it('rejects a body with a misspelt field, a wrong type, and a missing Content-Language header', () => {
    const problems = validator.validateRequest({
      method: 'PUT',
      url: 'https://api.ebay.com/sell/inventory/v1/inventory_item/SKU-1',
      headers: headers({ 'content-type': 'application/json' }),
      body: JSON.stringify({
        availability: { shipToLocationAvailability: { quantity: 'one' } },
        product: { titel: 'x' },
      }),
    });
    expect(problems).toContain(
      'createOrReplaceInventoryItem: missing required header parameter Content-Language',
    );
    expect(problems.some((problem) => problem.includes('quantity') && problem.includes('integer'))).toBe(
      true,
    );
    expect(problems.some((problem) => problem.includes('titel'))).toBe(true);
  });

  it('accepts aspects as an object of value lists (correcting the spec’s `type: string`)', () => {
    const problems = validator.validateRequest({
      method: 'PUT',
      url: 'https://api.ebay.com/sell/inventory/v1/inventory_item/SKU-1',
      headers: headers({ 'content-type': 'application/json', 'content-language': 'en-US' }),
      body: JSON.stringify({ product: { title: 'Desk', aspects: { Brand: ['IKEA'] } } }),
    });
    expect(problems).toEqual([]);
  });

  it('rejects response bodies with undocumented fields or wrong types, and error bodies without errors[]', () => {
    const url = 'https://api.ebay.com/buy/browse/v1/item_summary/search?q=x';
    const problems = validator.validateResponse('GET', url, 200, {
      total: '3',
      itemSummaries: [{ itemId: 'a', cost: 1 }],
    });
    expect(problems).toHaveLength(2);
    expect(problems.some((problem) => problem.includes('/itemSummaries/0') && problem.includes('cost'))).toBe(
      true,
    );
    expect(problems.some((problem) => problem.includes('/total') && problem.includes('integer'))).toBe(true);
    expect(
      validator.validateResponse('GET', url, 200, { total: 3, itemSummaries: [{ itemId: 'a' }] }),
    ).toEqual([]);
    expect(validator.validateResponse('GET', url, 429, { message: 'slow down' })).not.toEqual([]);
    expect(
      validator.validateResponse('GET', url, 404, { errors: [{ errorId: 11001, message: 'Not found' }] }),
    ).toEqual([]);
    expect(
      validator.validateResponse('GET', url, 404, { errors: [{ errorId: 11001, messsage: 'Not found' }] }),
    ).toEqual(['error body: /errors/0 has undocumented field messsage']);
  });
});
