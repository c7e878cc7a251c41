import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../errors/configuration-error';
import type { DealView } from './deal-view';
import { maxEmailHtmlBytes, renderDealAlertEmail, renderDigestEmail } from './email-templates';
import { unsubscribeHeaders } from './unsubscribe-headers';

const hostile = `<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes" 'single'`;

function deal(i: number, overrides: Partial<DealView> = {}): DealView {
  return {
    ruleId: 'r1',
    ruleName: 'PCs',
    listingId: `ebay:${i}`,
    marketplace: 'ebay',
    title: `Gaming PC ${i}`,
    url: `https://www.ebay.com/itm/${i}`,
    imageUrl: `https://i.ebayimg.com/${i}.jpg`,
    price: { amount: 40_000 + i, currency: 'USD' },
    marketPrice: { amount: 60_000, currency: 'USD' },
    dealScore: (i % 10) / 10,
    trend: i % 2 ? 'decreasing' : 'increasing',
    trendPctChange: i % 2 ? -3.5 : 2.25,
    reasons: [],
    ...overrides,
  };
}

const options = {
  appName: 'Deal Scout',
  unsubscribeUrl: 'https://app.example/u/tok123',
  periodLabel: 'daily digest',
};

describe('email templates', () => {
  it('renders deal cards, top recommendations, price trends, a text part and one-click unsubscribe headers', () => {
    const deals = Array.from({ length: 5 }, (_, i) => deal(i));
    const email = renderDigestEmail(deals, options);
    expect(email.subject).toBe('Deal Scout: 5 new deals in your daily digest');
    expect(email.headers).toEqual({
      'List-Unsubscribe': '<https://app.example/u/tok123>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(email.html).toContain('Top recommendations');
    expect(email.html).toContain('Price trends (30 days)');
    expect(email.html).toContain('<img src="https://i.ebayimg.com/4.jpg"');
    expect(email.html).toContain('$600.00');
    expect(email.html).toContain('Deal score 40/100');
    // Best deal first among the recommendations.
    expect(email.html.indexOf('Gaming PC 4')).toBeLessThan(email.html.indexOf('Gaming PC 0'));
    // Styles are inline: no style sheet for clients to strip.
    expect(email.html).not.toContain('<style');
    expect(email.text).toContain('TOP RECOMMENDATIONS');
    expect(email.text).toContain('- Gaming PC 4');
    expect(email.text).toContain('Unsubscribe: https://app.example/u/tok123');
  });

  it('escapes every user-supplied string and refuses script URLs', () => {
    const email = renderDigestEmail(
      [
        deal(1, {
          title: hostile,
          ruleName: hostile,
          marketplace: hostile,
          url: 'javascript:alert(1)',
          imageUrl: '"><script>',
        }),
      ],
      options,
    );
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<img src=x');
    expect(email.html).not.toContain('javascript:');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(email.html).toContain('&#39;single&#39;');
  });

  it('stays under 100 KB, whatever the titles, and keeps the unsubscribe footer', () => {
    const deals = Array.from({ length: 100 }, (_, i) => deal(i, { title: `${'<b>&'.repeat(75)} ${i}` }));
    const email = renderDigestEmail(deals, { ...options, maxDeals: 100 });
    expect(Buffer.byteLength(email.html)).toBeLessThanOrEqual(maxEmailHtmlBytes);
    expect(email.html).toContain('https://app.example/u/tok123');
    expect(email.html).toMatch(/more deals? in the app/);
  });

  it('renders a single deal alert', () => {
    const email = renderDealAlertEmail(deal(3), {
      appName: 'Deal Scout',
      unsubscribeUrl: 'https://app.example/u/1',
    });
    expect(email.subject).toBe('Deal Scout: Gaming PC 3');
    expect(email.html).toContain('New deal');
    expect(email.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  });

  it('requires an https unsubscribe URL (RFC 8058)', () => {
    expect(() => unsubscribeHeaders('http://app.example/u')).toThrow(ConfigurationError);
    expect(() => unsubscribeHeaders('not a url')).toThrow(ConfigurationError);
  });
});
