import { ValidationError } from '@deal-scout/core';
import { describe, expect, it } from 'vitest';
import { ebaySettings } from '../../test/ebay-fixtures';
import { rejectionOf } from '../../test/rejection-of';
import { createEbayMarketplace } from '../create-ebay-marketplace';
import { ebaySettingsFromEnv } from './ebay-marketplace-settings';

describe('eBay settings', () => {
  it('rejects invalid settings with a ValidationError naming each field, and never echoes the secret', () => {
    let error: unknown;
    try {
      createEbayMarketplace({
        clientId: '',
        clientSecret: 'super-secret-value',
        verificationToken: 'short',
        endpointUrl: 'http://hooks.example.com/ebay',
        dailyCallBudget: -1,
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.field)).toEqual([
      'clientId',
      'verificationToken',
      'endpointUrl',
      'dailyCallBudget',
    ]);
    expect(JSON.stringify((error as ValidationError).toJSON())).not.toContain('super-secret-value');
  });

  it('declares honest capabilities and the Browse daily budget (5,000 by default, configurable)', () => {
    const adapter = createEbayMarketplace(ebaySettings());
    expect(adapter.capabilities).toEqual({
      search: true,
      getListing: true,
      publish: true,
      update: true,
      withdraw: true,
      imageUpload: true,
      categorySuggestion: true,
      oauth: true,
      webhooks: true,
      soldListings: false,
    });
    expect(adapter.limits).toEqual({ requestsPerSecond: 5, concurrency: 4, dailyCallBudget: 5000 });
    expect(createEbayMarketplace(ebaySettings({ dailyCallBudget: 1_500_000 })).limits.dailyCallBudget).toBe(
      1_500_000,
    );
    expect(createEbayMarketplace(ebaySettings({ dailyCallBudget: null })).limits.dailyCallBudget).toBeNull();
  });

  it('reads EBAY_* environment variables', () => {
    const settings = ebaySettingsFromEnv({
      EBAY_CLIENT_ID: 'id',
      EBAY_CLIENT_SECRET: 'secret',
      EBAY_RU_NAME: 'ru',
      EBAY_ENVIRONMENT: 'sandbox',
      EBAY_VERIFICATION_TOKEN: 'v'.repeat(40),
      EBAY_ENDPOINT_URL: 'https://hooks.example.com/ebay',
      EBAY_MERCHANT_LOCATION_KEY: 'warehouse-1',
      EBAY_FULFILLMENT_POLICY_ID: 'F',
      EBAY_DAILY_CALL_BUDGET: '20000',
    });
    expect(settings).toEqual({
      clientId: 'id',
      clientSecret: 'secret',
      ruName: 'ru',
      environment: 'sandbox',
      verificationToken: 'v'.repeat(40),
      endpointUrl: 'https://hooks.example.com/ebay',
      merchantLocationKey: 'warehouse-1',
      businessPolicies: { fulfillmentPolicyId: 'F', paymentPolicyId: undefined, returnPolicyId: undefined },
      dailyCallBudget: 20000,
    });
    expect(createEbayMarketplace(settings).limits.dailyCallBudget).toBe(20000);
  });

  it('reports a missing RuName only when an account is connected', async () => {
    const adapter = createEbayMarketplace(ebaySettings({ ruName: undefined }));
    expect(
      await rejectionOf(adapter.oauth!.doExchangeCode({ code: 'c', redirectUri: 'https://h/cb' })),
    ).toMatchObject({
      code: 'CONFIGURATION_INVALID',
    });
  });
});
