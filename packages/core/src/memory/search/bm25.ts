import type { InvertedIndex } from './inverted-index';

/** BM25F parameters: per-field weights, term-frequency saturation `k1` and length normalisation `b`. */
export type Bm25Parameters = {
  readonly weights: readonly number[];
  readonly k1: number;
  readonly b: number;
};

/**
 * Scores every listing containing `term` by BM25F (Robertson & Zaragoza, "The Probabilistic
 * Relevance Framework: BM25 and Beyond", 2009): field frequencies are length-normalised and
 * weighted before one saturation, so a word in the title counts more than in the description
 * without a long description drowning it. Adds `factor × score` into `scores`.
 */
export function addTermScores(
  index: InvertedIndex,
  term: string,
  factor: number,
  parameters: Bm25Parameters,
  scores: Map<string, number>,
): void {
  const byDocument = index.postings.get(term);
  if (!byDocument) return;
  const total = index.documents.size;
  const idf = Math.log(1 + (total - byDocument.size + 0.5) / (byDocument.size + 0.5));
  const averages = parameters.weights.map((_, field) => index.averageLength(field));
  for (const [id, frequencies] of byDocument) {
    const lengths = index.documents.get(id)?.lengths ?? [];
    let weighted = 0;
    frequencies.forEach((frequency, field) => {
      if (frequency === 0) return;
      const normaliser = 1 - parameters.b + (parameters.b * (lengths[field] ?? 0)) / (averages[field] ?? 1);
      weighted += ((parameters.weights[field] ?? 1) * frequency) / normaliser;
    });
    const score = (idf * weighted * (parameters.k1 + 1)) / (weighted + parameters.k1);
    scores.set(id, Math.max(scores.get(id) ?? 0, factor * score));
  }
}
