import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ebaySettings, tokenEndpoint } from '../../test/ebay-fixtures';
import { createEbayMockServer } from '../../test/ebay-mock-server';
import { hasEbaySpecs, missingSpecsMessage } from '../../test/ebay-spec-validator';
import { createEbayMarketplace } from '../create-ebay-marketplace';

if (!hasEbaySpecs) console.warn(missingSpecsMessage);

describe.runIf(hasEbaySpecs)(
  'eBay category suggestion (Taxonomy API, validated against commerce_taxonomy_v1_oas3.json)',
  () => {
    const mock = createEbayMockServer();
    beforeAll(() => mock.server.listen({ onUnhandledFrame: 'error' }));
    afterEach(() => {
      expect(mock.reset()).toEqual([]);
    });
    afterAll(() => mock.server.close());

    const suggestion = (categoryId: string, categoryName: string, ancestors: [string, string][]) => ({
      category: { categoryId, categoryName },
      categoryTreeNodeAncestors: ancestors.map(([id, name], index) => ({
        categoryId: id,
        categoryName: name,
        categorySubtreeNodeHref: `https://api.ebay.com/commerce/taxonomy/v1/category_tree/0/get_category_subtree?category_id=${id}`,
        categoryTreeNodeLevel: ancestors.length - index,
      })),
      categoryTreeNodeLevel: ancestors.length + 1,
      relevancy: 'HIGH',
    });

    it('suggests leaf categories with their required aspects, preferring the draft’s canonical category', async () => {
      const queries: string[] = [];
      mock.server.use(
        tokenEndpoint(mock),
        mock.operation('get', '/commerce/taxonomy/v1/get_default_category_tree_id', ({ url }) => {
          expect(url.searchParams.get('marketplace_id')).toBe('EBAY_US');
          return { body: { categoryTreeId: '0', categoryTreeVersion: '119' } };
        }),
        mock.operation(
          'get',
          '/commerce/taxonomy/v1/category_tree/:tree/get_category_suggestions',
          ({ url, params }) => {
            expect(params.tree).toBe('0');
            queries.push(url.searchParams.get('q') ?? '');
            return {
              body: {
                categoryTreeId: '0',
                categoryTreeVersion: '119',
                categorySuggestions: [
                  suggestion('80053', 'Monitors', [['58058', 'Computers/Tablets & Networking']]),
                  suggestion('9355', 'Cell Phones & Smartphones', [['15032', 'Cell Phones & Accessories']]),
                ],
              },
            };
          },
        ),
        mock.operation(
          'get',
          '/commerce/taxonomy/v1/category_tree/:tree/get_item_aspects_for_category',
          ({ url }) => ({
            body: {
              aspects: [
                {
                  localizedAspectName: 'Brand',
                  aspectConstraint: {
                    aspectRequired: true,
                    aspectDataType: 'STRING',
                    aspectMode: 'FREE_TEXT',
                  },
                },
                {
                  localizedAspectName:
                    url.searchParams.get('category_id') === '9355' ? 'Model' : 'Screen Size',
                  aspectConstraint: {
                    aspectRequired: true,
                    aspectDataType: 'STRING',
                    aspectMode: 'FREE_TEXT',
                  },
                },
                {
                  localizedAspectName: 'Color',
                  aspectConstraint: {
                    aspectRequired: false,
                    aspectDataType: 'STRING',
                    aspectMode: 'FREE_TEXT',
                  },
                },
              ],
            },
          }),
        ),
      );
      const adapter = createEbayMarketplace(ebaySettings());
      const suggestions = await adapter.doSuggestCategory!({
        title: 'iPhone 13 128GB',
        category: 'cell-phones',
      });
      expect(queries).toEqual(['iPhone 13 128GB']);
      expect(suggestions).toEqual([
        {
          marketplaceCategoryId: '9355',
          name: 'Cell Phones & Smartphones',
          requiredAttributes: ['Brand', 'Model'],
        },
        { marketplaceCategoryId: '80053', name: 'Monitors', requiredAttributes: ['Brand', 'Screen Size'] },
      ]);
      // The tree id and each category's aspects are cached.
      await adapter.doSuggestCategory!({ title: 'iPhone 12' });
      expect(mock.operations().filter((operation) => operation === 'getDefaultCategoryTreeId')).toHaveLength(
        1,
      );
      expect(mock.operations().filter((operation) => operation === 'getItemAspectsForCategory')).toHaveLength(
        2,
      );
    });
  },
);
