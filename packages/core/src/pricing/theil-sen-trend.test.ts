import { describe, expect, it } from 'vitest';
import { theilSenTrend } from './theil-sen-trend';

/** A deterministic pseudo-random sequence, so the synthetic series is the same on every run. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function series(dailyLogSlope: number, noise: number, outliers: number, seed = 7) {
  const next = random(seed);
  const days: number[] = [];
  const logs: number[] = [];
  for (let i = 0; i < 60; i++) {
    const day = -30 + next() * 30;
    days.push(day);
    logs.push(Math.log(1000) + dailyLogSlope * day + (next() - 0.5) * 2 * noise);
  }
  for (let i = 0; i < outliers; i++) logs[i * 3] = Math.log(10); // "$10 obo" junk
  return { days, logs };
}

describe('theilSenTrend', () => {
  it('recovers a known rising slope as % over 30 days despite outliers', () => {
    const { days, logs } = series(0.01, 0.05, 8);
    const trend = theilSenTrend(days, logs);
    expect(trend.trend).toBe('increasing');
    expect(trend.pctChange).toBeCloseTo((Math.exp(0.3) - 1) * 100, -1);
    expect(Math.abs(trend.pctChange - 34.99)).toBeLessThan(4);
  });

  it('recovers a known falling slope', () => {
    const { days, logs } = series(-0.005, 0.03, 0);
    const trend = theilSenTrend(days, logs);
    expect(trend.trend).toBe('decreasing');
    expect(Math.abs(trend.pctChange - (Math.exp(-0.15) - 1) * 100)).toBeLessThan(2);
  });

  it('calls pure noise stable, even when its slope estimate is not exactly zero', () => {
    const { days, logs } = series(0, 0.4, 0, 11);
    const trend = theilSenTrend(days, logs);
    expect(trend.trend).toBe('stable');
    expect(trend.points).toBe(60);
  });

  it('says stable with 0% when there are too few points', () => {
    expect(theilSenTrend([1, 2, 3], [1, 2, 3])).toEqual({ trend: 'stable', pctChange: 0, points: 3 });
  });
});
