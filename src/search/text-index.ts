// A full-text index with MiniSearch's ranking (BM25+ per field, field boosts, prefix and typo matches
// weighted as MiniSearch weighs them, words found through MiniSearch's own radix tree) that is changed
// one document at a time and scales to 100,000 documents. MiniSearch itself builds an object per matching
// document on every query (a common word cost 2 s at 100,000 terms); here postings are typed arrays
// scored into reused number arrays, and only the best `limit` results are explained. The documents' text
// is not kept: each document keeps the numbers of its words, which is what taking it out needs.
import SearchableMap from 'minisearch/SearchableMap'

import { fieldOf, frequencyOf, PostingList } from './posting-list'
import { selectTop } from './select-top'

export type TextIndexOptions = {
  tokenize: (text: string) => string[]
  processTerm: (word: string) => string
}

export type QueryOptions<Field extends string> = {
  fields: readonly Field[]
  boost: Readonly<Record<Field, number>>
  /** Edit distance allowed for a query word (0: exact only). */
  fuzzy: (word: string) => number
  /** Whether a query word also matches longer words it starts. */
  prefix: (word: string) => boolean
  weights: { fuzzy: number; prefix: number }
  /** Documents holding every query word, or any; `all-or-any` is any when no document holds every word. */
  combine: 'all' | 'any' | 'all-or-any'
  limit: number
}

export type RankedDocument<Field extends string> = {
  key: string
  score: number
  /** Each indexed word that matched (the query's, a longer one, or a near spelling) → fields it matched in. */
  match: ReadonlyMap<string, readonly Field[]>
}

const BM25 = { k: 1.2, b: 0.7, d: 0.5 }

/** BM25's inverse document frequency, as MiniSearch computes it. */
const inverseDocumentFrequency = (matching: number, total: number) =>
  Math.log(1 + (total - matching + 0.5) / (matching + 0.5))

type Expansion = { word: string; weight: number; postings: PostingList }

/** A word's documents and the number that stands for the word in its documents' word lists. */
type IndexedWord = { id: number; postings: PostingList }

export class TextIndex<Field extends string> {
  private readonly fieldIds: ReadonlyMap<Field, number>
  private readonly words = new SearchableMap<IndexedWord>()
  private readonly wordById: (string | undefined)[] = []
  private readonly freeWordIds: number[] = []
  private readonly slotByKey = new Map<string, number>()
  private keyBySlot: (string | undefined)[] = []
  /** Per slot, the ids of the words its document holds (in any field). */
  private wordIdsBySlot: (Int32Array | undefined)[] = []
  private readonly freeSlots: number[] = []
  private fieldLengths = new Int32Array(0)
  private readonly totalFieldLength: number[]
  // Per-query scratch, indexed by slot and cleared after each query through `touched`.
  private scores = new Float64Array(0)
  private wordsMatched = new Uint16Array(0)
  private lastWord = new Uint16Array(0)

  constructor(
    private readonly fields: readonly Field[],
    private readonly options: TextIndexOptions,
  ) {
    this.fieldIds = new Map(fields.map((field, id) => [field, id]))
    this.totalFieldLength = fields.map(() => 0)
  }

  get documentCount(): number {
    return this.slotByKey.size
  }

  /** Distinct words held; a word leaves with the last document holding it. */
  get wordCount(): number {
    return this.wordById.length - this.freeWordIds.length
  }

  add(key: string, document: Readonly<Record<Field, string>>): void {
    if (this.slotByKey.has(key)) throw new Error(`The search index already holds "${key}"; replace it instead.`)
    const slot = this.freeSlots.pop() ?? this.keyBySlot.length
    this.ensureCapacity(slot + 1)
    this.slotByKey.set(key, slot)
    this.keyBySlot[slot] = key
    const wordIds = new Set<number>()
    this.fields.forEach((field, fieldId) => {
      const { length, frequencies } = this.analyze(document[field])
      this.fieldLengths[slot * this.fields.length + fieldId] = length
      this.totalFieldLength[fieldId]! += length
      for (const [word, frequency] of frequencies) {
        const indexed = this.words.get(word) ?? this.addWord(word)
        indexed.postings.add(slot, fieldId, frequency)
        wordIds.add(indexed.id)
      }
    })
    this.wordIdsBySlot[slot] = Int32Array.from(wordIds)
  }

  /** Takes a document out. */
  remove(key: string): void {
    const slot = this.slotByKey.get(key)
    if (slot === undefined) return
    this.fields.forEach((_, fieldId) => {
      this.totalFieldLength[fieldId]! -= this.fieldLengths[slot * this.fields.length + fieldId]!
      this.fieldLengths[slot * this.fields.length + fieldId] = 0
    })
    for (const wordId of this.wordIdsBySlot[slot]!) {
      const word = this.wordById[wordId]!
      const { postings } = this.words.get(word)!
      postings.removeSlot(slot)
      if (postings.size === 0) this.deleteWord(word, wordId)
    }
    this.wordIdsBySlot[slot] = undefined
    this.slotByKey.delete(key)
    this.keyBySlot[slot] = undefined
    this.freeSlots.push(slot)
  }

  private addWord(word: string): IndexedWord {
    const indexed = {
      id: this.freeWordIds.pop() ?? this.wordById.length,
      postings: new PostingList(this.fields.length),
    }
    this.wordById[indexed.id] = word
    this.words.set(word, indexed)
    return indexed
  }

  private deleteWord(word: string, id: number): void {
    this.words.delete(word)
    this.wordById[id] = undefined
    this.freeWordIds.push(id)
  }

  /** MiniSearch's field length (distinct words as written) and how often each processed word occurs. */
  private analyze(text: string): { length: number; frequencies: Map<string, number> } {
    const tokens = this.options.tokenize(text)
    const frequencies = new Map<string, number>()
    for (const token of tokens) {
      const word = this.options.processTerm(token)
      if (word) frequencies.set(word, (frequencies.get(word) ?? 0) + 1)
    }
    return { length: new Set(tokens).size, frequencies }
  }

  private ensureCapacity(slots: number): void {
    if (slots <= this.scores.length) return
    const capacity = Math.max(slots, this.scores.length * 2, 64)
    const lengths = new Int32Array(capacity * this.fields.length)
    lengths.set(this.fieldLengths)
    this.fieldLengths = lengths
    this.scores = new Float64Array(capacity)
    this.wordsMatched = new Uint16Array(capacity)
    this.lastWord = new Uint16Array(capacity)
  }

  /** The indexed words a query word stands for, weighted as MiniSearch weighs exact, prefix and fuzzy matches. */
  private expand(word: string, options: QueryOptions<Field>): Expansion[] {
    const expansions = new Map<string, Expansion>()
    const exact = this.words.get(word)
    if (exact) expansions.set(word, { word, weight: 1, postings: exact.postings })
    if (options.prefix(word)) {
      for (const [longer, { postings }] of this.words.atPrefix(word)) {
        const distance = longer.length - word.length
        if (distance === 0) continue
        expansions.set(longer, {
          word: longer,
          weight: (options.weights.prefix * longer.length) / (longer.length + 0.3 * distance),
          postings,
        })
      }
    }
    const maxDistance = options.fuzzy(word)
    if (maxDistance > 0) {
      for (const [near, [{ postings }, distance]] of this.words.fuzzyGet(word, maxDistance)) {
        // A word that is also a prefix match counts as one, as in MiniSearch.
        if (distance === 0 || expansions.has(near)) continue
        expansions.set(near, {
          word: near,
          weight: (options.weights.fuzzy * near.length) / (near.length + distance),
          postings,
        })
      }
    }
    return [...expansions.values()]
  }

  search(query: string, options: QueryOptions<Field>): RankedDocument<Field>[] {
    const queryWords = new Map<string, number>()
    for (const token of this.options.tokenize(query)) {
      const word = this.options.processTerm(token)
      if (word) queryWords.set(word, (queryWords.get(word) ?? 0) + 1)
    }
    if (queryWords.size === 0 || this.documentCount === 0) return []
    const expansionsByWord = [...queryWords.keys()].map((word) => this.expand(word, options))
    const touched = this.score([...queryWords.values()], expansionsByWord, options)
    try {
      const wanted = options.combine === 'any' ? 1 : queryWords.size
      const scoreOf = (slot: number) => this.finalScore(slot)
      // Equal scores go in key order, so results do not depend on the order changes arrived in.
      const byKey = (a: number, b: number) => (this.keyBySlot[a]! < this.keyBySlot[b]! ? -1 : 1)
      let best = selectTop(touched, options.limit, (slot) => this.wordsMatched[slot]! >= wanted, scoreOf, byKey)
      if (best.length === 0 && options.combine === 'all-or-any')
        best = selectTop(touched, options.limit, () => true, scoreOf, byKey)
      return best.map((slot) => ({
        key: this.keyBySlot[slot]!,
        score: this.finalScore(slot),
        match: this.explain(slot, expansionsByWord.flat(), options.fields),
      }))
    } finally {
      for (const slot of touched) {
        this.scores[slot] = 0
        this.wordsMatched[slot] = 0
        this.lastWord[slot] = 0
      }
    }
  }

  /** MiniSearch multiplies a document's score by how many of the query's words it matched. */
  private finalScore(slot: number): number {
    return this.scores[slot]! * this.wordsMatched[slot]!
  }

  /** Adds every matching posting's weighted BM25+ to its document; returns the documents touched. */
  private score(repeats: number[], expansionsByWord: Expansion[][], options: QueryOptions<Field>): number[] {
    const fieldCount = this.fields.length
    const boosts = this.fields.map((field) => (options.fields.includes(field) ? options.boost[field] : 0))
    const averages = this.totalFieldLength.map((total) => total / this.documentCount)
    const { k, b, d } = BM25
    const touched: number[] = []
    expansionsByWord.forEach((expansions, wordIndex) => {
      const mark = wordIndex + 1
      for (const { weight, postings } of expansions) {
        // Everything but the term frequency and field length is the same for every posting of a field.
        const fieldWeights = boosts.map((boost, fieldId) =>
          boost === 0
            ? 0
            : weight *
              repeats[wordIndex]! *
              boost *
              inverseDocumentFrequency(postings.documentFrequency[fieldId]!, this.documentCount),
        )
        const entries = postings.entries
        for (let index = 0; index < 2 * postings.size; index += 2) {
          const packed = entries[index + 1]!
          const fieldId = fieldOf(packed)
          const fieldWeight = fieldWeights[fieldId]!
          if (fieldWeight === 0) continue
          const slot = entries[index]!
          const frequency = frequencyOf(packed)
          const length = this.fieldLengths[slot * fieldCount + fieldId]!
          const saturation = d + (frequency * (k + 1)) / (frequency + k * (1 - b + (b * length) / averages[fieldId]!))
          if (this.lastWord[slot] !== mark) {
            if (this.lastWord[slot] === 0) touched.push(slot)
            this.lastWord[slot] = mark
            this.wordsMatched[slot]! += 1
          }
          this.scores[slot]! += fieldWeight * saturation
        }
      }
    })
    return touched
  }

  /** Which indexed words matched the document in `slot`, and in which of the searched fields. */
  private explain(slot: number, expansions: Expansion[], fields: readonly Field[]): Map<string, Field[]> {
    const match = new Map<string, Field[]>()
    for (const { word, postings } of expansions) {
      for (const field of fields) {
        if (postings.indexOf(slot, this.fieldIds.get(field)!) === -1) continue
        const matchedFields = match.get(word) ?? []
        if (!matchedFields.includes(field)) matchedFields.push(field)
        match.set(word, matchedFields)
      }
    }
    return match
  }
}
