import type { Listing } from '../../listing/listing';
import { tokenize } from '../text/analyze-text';

/** The indexed text fields, in the order of every per-field array below. */
export const searchFields = ['title', 'brand', 'description'] as const;
export type SearchField = (typeof searchFields)[number];

/** One indexed listing: a private copy plus the length of each field in tokens. */
export type IndexedDocument = { readonly listing: Listing; readonly lengths: readonly number[] };

/**
 * A term → listing → per-field term frequency map, with the field-length totals BM25 needs.
 * Replacing a listing first removes its old postings, so the statistics never drift.
 */
export class InvertedIndex {
  readonly documents = new Map<string, IndexedDocument>();
  readonly postings = new Map<string, Map<string, number[]>>();
  private readonly totalLengths = searchFields.map(() => 0);
  /**
   * Symmetric-delete typo index: every term (and each of its one-letter deletions) points at the
   * term, so two words within edit distance 1 always share a key. Entries of terms that later
   * vanish are left in place and filtered out at lookup, which keeps removal cheap.
   */
  private readonly typoKeys = new Map<string, Set<string>>();

  /** Adds a listing (a copy the caller must not keep), replacing any listing with its id. */
  add(listing: Listing): void {
    this.remove(listing.id);
    const texts = [listing.title, listing.brand ?? '', listing.description ?? ''];
    const lengths = texts.map((text, field) => {
      const tokens = tokenize(text);
      for (const token of tokens) {
        let byDocument = this.postings.get(token);
        if (!byDocument) {
          byDocument = new Map();
          this.postings.set(token, byDocument);
          this.addToTypoIndex(token);
        }
        let frequencies = byDocument.get(listing.id);
        if (!frequencies) {
          frequencies = searchFields.map(() => 0);
          byDocument.set(listing.id, frequencies);
        }
        frequencies[field] = (frequencies[field] ?? 0) + 1;
      }
      this.totalLengths[field] = (this.totalLengths[field] ?? 0) + tokens.length;
      return tokens.length;
    });
    this.documents.set(listing.id, { listing, lengths });
  }

  /** Removes a listing and its postings; unknown ids are ignored. */
  remove(id: string): void {
    const document = this.documents.get(id);
    if (!document) return;
    const texts = [document.listing.title, document.listing.brand ?? '', document.listing.description ?? ''];
    for (const token of new Set(texts.flatMap((text) => tokenize(text)))) {
      const byDocument = this.postings.get(token);
      byDocument?.delete(id);
      if (byDocument?.size === 0) this.postings.delete(token);
    }
    document.lengths.forEach((length, field) => {
      this.totalLengths[field] = (this.totalLengths[field] ?? 0) - length;
    });
    this.documents.delete(id);
  }

  /** Vocabulary terms within edit distance 1 of `token` candidates: callers verify the distance. */
  typoCandidates(token: string): Set<string> {
    const out = new Set<string>();
    for (const key of [token, ...deletionsOf(token)]) {
      for (const term of this.typoKeys.get(key) ?? []) if (this.postings.has(term)) out.add(term);
    }
    return out;
  }

  private addToTypoIndex(term: string): void {
    for (const key of [term, ...deletionsOf(term)]) {
      let terms = this.typoKeys.get(key);
      if (!terms) {
        terms = new Set();
        this.typoKeys.set(key, terms);
      }
      terms.add(term);
    }
  }

  /** Average length of a field in tokens (at least 1, so empty fields do not divide by zero). */
  averageLength(field: number): number {
    return Math.max(1, (this.totalLengths[field] ?? 0) / Math.max(1, this.documents.size));
  }
}

/** Every string made by deleting one character of `word` (none for words under 3 characters). */
function deletionsOf(word: string): string[] {
  if (word.length < 3) return [];
  const out = new Set<string>();
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  return [...out];
}
