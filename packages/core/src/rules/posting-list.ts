/**
 * A growable, unordered list of 32-bit integers: one bucket of the rule index (the rules posted
 * under a token, a category, a grid cell). Kept in a typed array so a million entries cost four
 * megabytes and scanning them touches contiguous memory.
 */
export class PostingList {
  /** The entries; only the first `length` are live. */
  data: Int32Array;
  length = 0;

  constructor(capacity = 4) {
    this.data = new Int32Array(capacity);
  }

  /** Appends an entry. */
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /**
   * Removes one occurrence of `value` by moving the last entry into its place (order does not
   * matter to the index); returns whether it was found. Shrinks the array when it is mostly
   * empty, so a bucket that was once large does not hold its memory forever.
   */
  remove(value: number): boolean {
    const data = this.data;
    for (let i = 0; i < this.length; i++) {
      if (data[i] !== value) continue;
      data[i] = data[--this.length]!;
      if (this.data.length > 64 && this.length < this.data.length / 4) {
        this.data = this.data.slice(0, this.data.length / 2);
      }
      return true;
    }
    return false;
  }
}
