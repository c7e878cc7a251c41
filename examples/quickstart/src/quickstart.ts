import { createDealScout, type DealAlertRuleInput, formatMoney, usd } from '@deal-scout/core';
import { loadProvidenceListings, loadVehicleListings } from '@deal-scout/testkit';

/** The rules a demo user creates: a mix of phrases, exclusions, categories, prices and a radius. */
export const demoRules: DealAlertRuleInput[] = [
  { name: 'Road bike under $300', keywords: ['road bike'], maxPrice: usd(300) },
  {
    name: 'Power tools, not batteries',
    keywords: ['dewalt', 'milwaukee', 'makita'],
    excludeKeywords: ['battery'],
    categories: ['tools'],
  },
  {
    name: 'Vintage cameras',
    keywords: ['camera'],
    categories: ['cameras', 'collectibles-art'],
    maxPrice: usd(150),
  },
  {
    name: 'Tacoma within 100 mi of Providence',
    keywords: ['tacoma'],
    location: { lat: 41.824, lon: -71.4128 },
    radiusMi: 100,
    maxPrice: usd(25_000),
  },
];

/** Runs Deal Scout on its in-memory defaults over the real listings and returns what matched. */
export async function runQuickstart(log: (line: string) => void = console.log) {
  const scout = createDealScout();
  const matches: { rule: string; title: string; price: string; reasons: readonly string[] }[] = [];
  scout.on('alert.matched', ({ rule, listing, match }) => {
    matches.push({
      rule: rule.name,
      title: listing.title,
      price: formatMoney(listing.price),
      reasons: match.reasons,
    });
  });

  for (const rule of demoRules) await scout.rules.create('demo-user', rule);

  const listings = [...(await loadProvidenceListings()), ...(await loadVehicleListings())];
  const result = await scout.ingest(listings);
  log(`Ingested ${result.received} real listings: ${result.created} stored, ${result.rejected} rejected.`);

  for (const rule of demoRules) {
    const hits = matches.filter((m) => m.rule === rule.name);
    log(`\n${rule.name}: ${hits.length} match${hits.length === 1 ? '' : 'es'}`);
    for (const hit of hits.slice(0, 5))
      log(`  ${hit.price.padStart(10)}  ${hit.title}\n              why: ${hit.reasons.join('; ')}`);
    if (hits.length > 5) log(`  … and ${hits.length - 5} more`);
  }
  await scout.close();
  return { result, matches };
}
