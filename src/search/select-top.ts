// The best few of many scored candidates without sorting them all: a search over 100,000 terms may
// match most of them and show fifty.

/** Candidates `accept`s, best `scoreOf` first (ties in `tieOrder`), at most `limit` of them. */
export function selectTop(
  candidates: readonly number[],
  limit: number,
  accept: (candidate: number) => boolean,
  scoreOf: (candidate: number) => number,
  tieOrder: (a: number, b: number) => number,
): number[] {
  if (limit <= 0) return []
  // A min-heap of the best so far: its root is the weakest kept candidate.
  const heap: { candidate: number; score: number }[] = []
  const weaker = (a: { candidate: number; score: number }, b: { candidate: number; score: number }) =>
    a.score < b.score || (a.score === b.score && tieOrder(a.candidate, b.candidate) > 0)
  for (const candidate of candidates) {
    if (!accept(candidate)) continue
    const entry = { candidate, score: scoreOf(candidate) }
    if (heap.length < limit) {
      heap.push(entry)
      siftUp(heap, heap.length - 1, weaker)
    } else if (weaker(heap[0]!, entry)) {
      heap[0] = entry
      siftDown(heap, 0, weaker)
    }
  }
  return heap.sort((a, b) => (weaker(a, b) ? 1 : weaker(b, a) ? -1 : 0)).map((entry) => entry.candidate)
}

function siftUp<T>(heap: T[], index: number, weaker: (a: T, b: T) => boolean): void {
  while (index > 0) {
    const parent = (index - 1) >> 1
    if (!weaker(heap[index]!, heap[parent]!)) return
    ;[heap[index], heap[parent]] = [heap[parent]!, heap[index]!]
    index = parent
  }
}

function siftDown<T>(heap: T[], index: number, weaker: (a: T, b: T) => boolean): void {
  for (;;) {
    const left = 2 * index + 1
    const right = left + 1
    let weakest = index
    if (left < heap.length && weaker(heap[left]!, heap[weakest]!)) weakest = left
    if (right < heap.length && weaker(heap[right]!, heap[weakest]!)) weakest = right
    if (weakest === index) return
    ;[heap[index], heap[weakest]] = [heap[weakest]!, heap[index]!]
    index = weakest
  }
}
