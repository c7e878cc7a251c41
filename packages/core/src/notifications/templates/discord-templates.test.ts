import { describe, expect, it } from 'vitest';
import type { DealView } from './deal-view';
import { discordLimits, embedCharacters, fitDiscordMessage } from './discord-limits';
import { renderDealAlertDiscord, renderDigestDiscord } from './discord-templates';

const deal: DealView = {
  ruleId: 'r1',
  ruleName: 'Gaming PCs',
  listingId: 'ebay:1',
  marketplace: 'ebay',
  title: 'Gaming PC RTX 3080',
  url: 'https://www.ebay.com/itm/1',
  imageUrl: 'https://i.ebayimg.com/1.jpg',
  price: { amount: 45_000, currency: 'USD' },
  marketPrice: { amount: 60_000, currency: 'USD' },
  dealScore: 0.82,
  trend: 'stable',
  trendPctChange: 0.4,
  reasons: ['keyword "gaming pc"', 'price $450 ≤ $500'],
};

const total = (embeds: Parameters<typeof embedCharacters>[0][]) =>
  embeds.reduce((sum, embed) => sum + embedCharacters(embed), 0);

describe('Discord templates', () => {
  it('renders a rich embed with image, price, market price, deal score and link, pinging no one', () => {
    const message = renderDealAlertDiscord({ ...deal, ruleName: '@everyone look' });
    expect(message.allowed_mentions).toEqual({ parse: [] });
    const [embed] = message.embeds;
    expect(embed).toMatchObject({
      title: 'Gaming PC RTX 3080',
      url: 'https://www.ebay.com/itm/1',
      image: { url: 'https://i.ebayimg.com/1.jpg' },
    });
    expect(embed?.fields).toEqual(
      expect.arrayContaining([
        { name: 'Price', value: '$450.00', inline: true },
        { name: 'Market price', value: '$600.00', inline: true },
        { name: 'Deal score', value: '82/100', inline: true },
      ]),
    );
  });

  it('cuts every part to its Discord limit', () => {
    const huge = 'x'.repeat(10_000);
    const message = fitDiscordMessage({
      content: huge,
      username: huge,
      embeds: [
        {
          title: huge,
          description: huge,
          footer: { text: huge },
          author: { name: huge },
          fields: Array.from({ length: 40 }, () => ({ name: huge, value: huge })),
        },
      ],
    });
    const [embed] = message.embeds;
    expect([...(message.content ?? '')].length).toBe(discordLimits.content);
    expect([...(message.username ?? '')].length).toBeLessThanOrEqual(80);
    expect([...(embed?.title ?? '')].length).toBeLessThanOrEqual(discordLimits.title);
    expect([...(embed?.description ?? '')].length).toBeLessThanOrEqual(discordLimits.description);
    expect([...(embed?.footer?.text ?? '')].length).toBeLessThanOrEqual(discordLimits.footerText);
    expect([...(embed?.author?.name ?? '')].length).toBeLessThanOrEqual(discordLimits.authorName);
    expect(embed?.fields?.length ?? 0).toBeLessThanOrEqual(discordLimits.fields);
    for (const field of embed?.fields ?? []) {
      expect([...field.name].length).toBeLessThanOrEqual(discordLimits.fieldName);
      expect([...field.value].length).toBeLessThanOrEqual(discordLimits.fieldValue);
    }
    expect(total(message.embeds)).toBeLessThanOrEqual(discordLimits.totalCharacters);
  });

  it('keeps a digest within 10 embeds and 6,000 characters across them', () => {
    const deals = Array.from({ length: 30 }, (_, i) => ({
      ...deal,
      listingId: `ebay:${i}`,
      title: `${'Long title '.repeat(30)}${i}`,
      reasons: Array.from({ length: 40 }, () => 'a reason that is fairly long to fill the description'),
    }));
    const message = renderDigestDiscord(deals, { periodLabel: 'daily digest', totalDeals: 30 });
    expect(message.embeds.length).toBeLessThanOrEqual(discordLimits.embeds);
    expect(total(message.embeds)).toBeLessThanOrEqual(discordLimits.totalCharacters);
    expect(message.content).toBe('Your daily digest: 30 deals (top 10 below)');
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it('drops image and link URLs that are not http(s)', () => {
    const message = renderDealAlertDiscord({
      ...deal,
      url: 'javascript:alert(1)',
      imageUrl: 'data:image/png;base64,AAAA',
    });
    expect(message.embeds[0]?.url).toBeUndefined();
    expect(message.embeds[0]?.image).toBeUndefined();
  });
});
