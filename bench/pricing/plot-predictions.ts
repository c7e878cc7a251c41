/** One point of the plot: actual and predicted price in dollars. */
export type PlotPoint = { readonly actual: number; readonly predicted: number };

/**
 * An SVG scatter plot of predicted against actual prices on log–log axes, with the y = x line
 * and the ×2 / ÷2 band, so accuracy is visible at a glance for cheap and expensive items alike.
 */
export function predictionsSvg(points: readonly PlotPoint[], title: string): string {
  const size = 560;
  const margin = 60;
  const low = 300;
  const high = 120_000;
  const scale = (value: number) =>
    ((Math.log10(Math.min(high, Math.max(low, value))) - Math.log10(low)) /
      (Math.log10(high) - Math.log10(low))) *
    (size - 2 * margin);
  const x = (value: number) => margin + scale(value);
  const y = (value: number) => size - margin - scale(value);
  const ticks = [500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000];
  const label = (value: number) => (value >= 1000 ? `$${value / 1000}k` : `$${value}`);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" font-family="sans-serif" font-size="11">`,
    `<rect width="${size}" height="${size}" fill="white"/>`,
    `<text x="${size / 2}" y="24" text-anchor="middle" font-size="14">${title}</text>`,
    `<polygon points="${x(low)},${y(low * 2)} ${x(high / 2)},${y(high)} ${x(high)},${y(high)} ${x(high)},${y(high / 2)} ${x(low * 2)},${y(low)} ${x(low)},${y(low)}" fill="#e8f0fe"/>`,
    `<line x1="${x(low)}" y1="${y(low)}" x2="${x(high)}" y2="${y(high)}" stroke="#1a73e8" stroke-width="1.5"/>`,
  ];
  for (const tick of ticks) {
    parts.push(
      `<line x1="${x(tick)}" y1="${size - margin}" x2="${x(tick)}" y2="${size - margin + 5}" stroke="black"/>`,
      `<text x="${x(tick)}" y="${size - margin + 18}" text-anchor="middle">${label(tick)}</text>`,
      `<line x1="${margin - 5}" y1="${y(tick)}" x2="${margin}" y2="${y(tick)}" stroke="black"/>`,
      `<text x="${margin - 8}" y="${y(tick) + 4}" text-anchor="end">${label(tick)}</text>`,
    );
  }
  parts.push(
    `<rect x="${margin}" y="${margin}" width="${size - 2 * margin}" height="${size - 2 * margin}" fill="none" stroke="black"/>`,
    `<text x="${size / 2}" y="${size - 16}" text-anchor="middle">actual price (log scale)</text>`,
    `<text x="16" y="${size / 2}" text-anchor="middle" transform="rotate(-90 16 ${size / 2})">predicted price (log scale)</text>`,
  );
  for (const point of points) {
    parts.push(
      `<circle cx="${x(point.actual).toFixed(1)}" cy="${y(point.predicted).toFixed(1)}" r="2" fill="#d93025" fill-opacity="0.35"/>`,
    );
  }
  parts.push(
    `<text x="${margin + 8}" y="${margin + 16}" fill="#1a73e8">line: predicted = actual; band: within ×2</text>`,
    '</svg>',
  );
  return parts.join('\n');
}
