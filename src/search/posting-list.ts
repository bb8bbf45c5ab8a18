// The documents one word occurs in, as a compact array rather than an object per document, so an index
// of 100,000 terms stays small and a query reads a word's documents at the speed of a typed array.

const FIELD_SHIFT = 20
/** A count above this is stored as this; BM25 barely distinguishes such counts anyway. */
const MAX_FREQUENCY = (1 << FIELD_SHIFT) - 1

/** A pair's second number holds its field above FIELD_SHIFT bits and its frequency below. */
export const fieldOf = (packed: number) => packed >>> FIELD_SHIFT
export const frequencyOf = (packed: number) => packed & MAX_FREQUENCY

/**
 * Pairs of (document slot, field and frequency), sorted by slot and then field. Documents get slots in
 * increasing order while an index is first built, so building appends; later changes insert in place.
 */
export class PostingList {
  private pairs = new Int32Array(4)
  /** Number of pairs. */
  size = 0
  /** Per field, how many documents hold the word in that field (BM25's document frequency). */
  readonly documentFrequency: number[]

  constructor(fieldCount: number) {
    this.documentFrequency = new Array<number>(fieldCount).fill(0)
  }

  /** The pairs as one array, slot then packed field and frequency, for loops that read every one. */
  get entries(): Readonly<Int32Array> {
    return this.pairs
  }

  slotAt(index: number): number {
    return this.pairs[2 * index]!
  }

  fieldAt(index: number): number {
    return fieldOf(this.pairs[2 * index + 1]!)
  }

  /** The index of the first pair whose slot is `slot` or greater. */
  private lowerBound(slot: number): number {
    let low = 0
    let high = this.size
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.pairs[2 * middle]! < slot) low = middle + 1
      else high = middle
    }
    return low
  }

  /** Where the pair for (slot, field) is, or -1. */
  indexOf(slot: number, field: number): number {
    for (let index = this.lowerBound(slot); index < this.size && this.slotAt(index) === slot; index += 1) {
      if (this.fieldAt(index) === field) return index
    }
    return -1
  }

  /** Records that the document in `slot` holds the word `frequency` times in `field` (once per slot and field). */
  add(slot: number, field: number, frequency: number): void {
    if (2 * (this.size + 1) > this.pairs.length) {
      const grown = new Int32Array(this.pairs.length * 2)
      grown.set(this.pairs)
      this.pairs = grown
    }
    let index = this.size
    // Appending is the common case (a new slot, or the next field of the last one).
    if (
      index > 0 &&
      (this.slotAt(index - 1) > slot || (this.slotAt(index - 1) === slot && this.fieldAt(index - 1) > field))
    ) {
      index = this.lowerBound(slot)
      while (index < this.size && this.slotAt(index) === slot && this.fieldAt(index) < field) index += 1
      this.pairs.copyWithin(2 * index + 2, 2 * index, 2 * this.size)
    }
    this.pairs[2 * index] = slot
    this.pairs[2 * index + 1] = (field << FIELD_SHIFT) | Math.min(frequency, MAX_FREQUENCY)
    this.size += 1
    this.documentFrequency[field]! += 1
  }

  /** Forgets every pair of `slot`, whatever its field; returns how many there were. */
  removeSlot(slot: number): number {
    const start = this.lowerBound(slot)
    let end = start
    while (end < this.size && this.slotAt(end) === slot) {
      this.documentFrequency[this.fieldAt(end)]! -= 1
      end += 1
    }
    if (end === start) return 0
    this.pairs.copyWithin(2 * start, 2 * end, 2 * this.size)
    this.size -= end - start
    this.shrinkIfSparse()
    return end - start
  }

  /** Gives memory back when a once-common word has become rare. */
  private shrinkIfSparse(): void {
    if (this.pairs.length > 16 && 2 * this.size < this.pairs.length / 4)
      this.pairs = this.pairs.slice(0, this.pairs.length / 2)
  }
}
