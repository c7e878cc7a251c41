import { sharedDataAvailable } from '@deal-scout/testkit';
import { describe, expect, it } from 'vitest';
import { demoRules, runQuickstart } from '../src/quickstart';

describe.runIf(sharedDataAvailable())('quickstart over the real listings', () => {
  it('stores every real listing and prints matches with their reasons', async () => {
    const lines: string[] = [];
    const { result, matches } = await runQuickstart((line) => lines.push(line));
    expect(result.received).toBe(11_140);
    expect(result.rejected).toBe(0);
    for (const rule of demoRules) {
      expect(
        matches.some((m) => m.rule === rule.name),
        rule.name,
      ).toBe(true);
      expect(lines.some((line) => line.includes(rule.name))).toBe(true);
    }
    for (const match of matches) expect(match.reasons.length).toBeGreaterThan(0);
    // Every "Road bike under $300" match says why: the phrase and the price bound.
    for (const match of matches.filter((m) => m.rule === 'Road bike under $300')) {
      expect(match.title.toLowerCase()).toMatch(/road bikes?\b/);
      expect(match.reasons.join(' ')).toMatch(/keyword "road bike".*≤ \$300\.00/);
    }
    // The exclusion holds: no battery in any power-tool match.
    expect(matches.filter((m) => m.rule.startsWith('Power tools')).some((m) => /batter/i.test(m.title))).toBe(
      false,
    );
  }, 300_000);
});
