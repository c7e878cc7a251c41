import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors/validation-error';
import type { DealView } from './deal-view';
import { analyzeSms, toGsm7 } from './gsm7';
import {
  renderDealAlertSms,
  renderDigestSms,
  renderOrderStatusSms,
  renderVerificationCodeSms,
} from './sms-templates';

const deal: DealView = {
  ruleId: 'r1',
  ruleName: 'Gaming PCs',
  listingId: 'ebay:1',
  marketplace: 'ebay',
  title: 'Gaming PC RTX 3080',
  url: 'https://www.ebay.com/itm/1234567890',
  imageUrl: null,
  price: { amount: 45_000, currency: 'USD' },
  marketPrice: { amount: 60_000, currency: 'USD' },
  dealScore: 0.82,
  trend: 'decreasing',
  trendPctChange: -4.2,
  reasons: [],
};

describe('GSM-7 segment counting', () => {
  it('counts 160/153 septets for GSM-7 and 70/67 code units for UCS-2', () => {
    expect(analyzeSms('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(analyzeSms('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(analyzeSms('a'.repeat(306)).segments).toBe(2);
    expect(analyzeSms('a'.repeat(307)).segments).toBe(3);
    expect(analyzeSms('界'.repeat(70))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(analyzeSms('界'.repeat(71)).segments).toBe(2);
    expect(analyzeSms('界'.repeat(134)).segments).toBe(2);
    expect(analyzeSms('界'.repeat(135)).segments).toBe(3);
  });

  it('counts extension-table characters as two septets and never splits an escape', () => {
    expect(analyzeSms('€'.repeat(80))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(analyzeSms('€'.repeat(81)).segments).toBe(2);
    // 152 plain + one extension char: 154 septets cannot share the first 153-septet segment.
    expect(analyzeSms(`${'a'.repeat(152)}{${'a'.repeat(10)}`).segments).toBe(2);
    // An emoji is two UTF-16 units and forces UCS-2.
    expect(analyzeSms('deal 🎮')).toEqual({ encoding: 'UCS-2', units: 7, segments: 1 });
  });

  it('replaces look-alikes that would force UCS-2', () => {
    expect(toGsm7('It’s a “great” deal – 50% off…')).toBe('It\'s a "great" deal - 50% off...');
    expect(toGsm7('Café crème à São Paulo')).toBe('Café crème à Sao Paulo');
    expect(analyzeSms(toGsm7('Nintendo Switch™ — like new')).encoding).toBe('GSM-7');
    // No stand-in exists for CJK: it is kept (meaning matters more than cost).
    expect(toGsm7('任天堂')).toBe('任天堂');
  });
});

describe('SMS templates', () => {
  it('renders a short GSM-7 deal alert with price, market price, score and link', () => {
    const text = renderDealAlertSms(deal);
    expect(text).toBe(
      'Deal Scout: Gaming PC RTX 3080 - $450.00 (market $600.00, score 82/100) https://www.ebay.com/itm/1234567890',
    );
    expect(analyzeSms(text)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('keeps a deal alert within two segments by shortening the title', () => {
    const long = renderDealAlertSms({ ...deal, title: `Vintage ${'very '.repeat(200)}rare console` });
    expect(analyzeSms(long).segments).toBeLessThanOrEqual(2);
    expect(long).toContain('...');
    expect(long).toContain('https://www.ebay.com/itm/1234567890');
    const unicode = renderDealAlertSms({ ...deal, title: `🎮 ${'ゲーム機'.repeat(60)}` });
    expect(analyzeSms(unicode)).toMatchObject({ encoding: 'UCS-2' });
    expect(analyzeSms(unicode).segments).toBeLessThanOrEqual(2);
  });

  it('drops the link only when even an empty title would not fit', () => {
    const text = renderDealAlertSms({ ...deal, url: `https://example.com/${'x'.repeat(400)}` });
    expect(analyzeSms(text).segments).toBeLessThanOrEqual(2);
    expect(text).not.toContain('example.com');
    expect(text).toContain('Gaming PC RTX 3080');
  });

  it('renders order status updates and verification codes', () => {
    const order = renderOrderStatusSms({
      orderId: 'A-1001',
      itemTitle: 'Trek bike’s frame',
      status: 'shipped',
    });
    expect(order).toBe("Deal Scout: your order A-1001 (Trek bike's frame) is now shipped.");
    const code = renderVerificationCodeSms({ code: '482913', expiresInMinutes: 10 });
    expect(code).toBe('482913 is your Deal Scout verification code. It expires in 10 min. Never share it.');
    expect(analyzeSms(code)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(() => renderVerificationCodeSms({ code: '12', expiresInMinutes: 10 })).toThrow(ValidationError);
  });

  it('summarises a digest in at most two segments', () => {
    const text = renderDigestSms([deal], { periodLabel: 'daily digest', totalDeals: 7 });
    expect(text).toBe(
      'Deal Scout: 7 new deals in your daily digest. Top: Gaming PC RTX 3080 - $450.00 https://www.ebay.com/itm/1234567890',
    );
    expect(analyzeSms(text).segments).toBeLessThanOrEqual(2);
  });
});
