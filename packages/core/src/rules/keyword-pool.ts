import { field, type RuleRecords, recordSize } from './rule-records';

/**
 * The keywords and exclusions of every indexed rule as interned token ids, packed into one
 * growable `Int32Array` (one small array per rule would cost more than the data). A rule's
 * record is
 *
 * `[keywordCount, excludeCount, (length, postedToken, ...tokens) × keywords, (length, ...tokens) × excludes]`
 *
 * where `postedToken` is the token the keyword is indexed under. Removed records become garbage
 * that {@link KeywordPool.compact} reclaims once it outweighs the live data.
 */
export class KeywordPool {
  data = new Int32Array(4096);
  length = 0;
  garbage = 0;

  /** Appends a record and returns its start offset. */
  append(
    keywords: readonly number[][],
    postedTokens: readonly number[],
    excludes: readonly number[][],
  ): number {
    let size = 2;
    for (const phrase of keywords) size += 2 + phrase.length;
    for (const phrase of excludes) size += 1 + phrase.length;
    this.reserve(size);
    const start = this.length;
    const data = this.data;
    let at = start;
    data[at++] = keywords.length;
    data[at++] = excludes.length;
    keywords.forEach((phrase, index) => {
      data[at++] = phrase.length;
      data[at++] = postedTokens[index]!;
      for (const token of phrase) data[at++] = token;
    });
    for (const phrase of excludes) {
      data[at++] = phrase.length;
      for (const token of phrase) data[at++] = token;
    }
    this.length = at;
    return start;
  }

  /** Offset of keyword `index`'s `length` field in the record at `start`. */
  keywordOffset(start: number, index: number): number {
    let at = start + 2;
    for (let i = 0; i < index; i++) at += 2 + this.data[at]!;
    return at;
  }

  /** Offset of the first exclusion's `length` field in the record at `start`. */
  excludesOffset(start: number): number {
    return this.keywordOffset(start, this.data[start]!);
  }

  /** Marks a record as garbage. */
  release(length: number): void {
    this.garbage += length;
  }

  /** Rewrites the pool without garbage when garbage is over half of it, updating the records. */
  compactIfWasteful(records: RuleRecords): void {
    if (this.garbage < 4096 || this.garbage * 2 < this.length) return;
    const live = this.length - this.garbage;
    const next = new Int32Array(Math.max(4096, live * 2));
    const data = records.data;
    let at = 0;
    for (let base = 0; base < records.capacity * recordSize; base += recordSize) {
      if (data[base + field.path] === 0) continue;
      const start = data[base + field.dataStart]!;
      const length = data[base + field.dataLength]!;
      next.set(this.data.subarray(start, start + length), at);
      data[base + field.dataStart] = at;
      at += length;
    }
    this.data = next;
    this.length = at;
    this.garbage = 0;
  }

  private reserve(size: number): void {
    if (this.length + size <= this.data.length) return;
    const grown = new Int32Array(Math.max(this.data.length * 2, this.length + size));
    grown.set(this.data.subarray(0, this.length));
    this.data = grown;
  }
}
