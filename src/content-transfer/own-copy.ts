// V8 cuts a substring of 13 characters or more as a slice that keeps the whole string it came from alive.
// Names the import keeps for its whole run (every term's title and slug, the links still to complete, the
// report) are cut from the text of their file: kept as slices, each would hold its whole file, about
// 8 KB per term, and a 100,000-term import ran out of memory at 40,000 terms.

/** A copy of `text` that holds nothing but itself. */
export function ownCopy(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8')
}

/**
 * One owned copy per distinct text, for what an import keeps of many entries: a title is named by the
 * related terms of several entries, and the same waiting name is kept by the links still to complete and
 * by the report. Shared, each is stored once.
 */
export class OwnedStrings {
  private readonly copies = new Map<string, string>()

  get(text: string): string {
    let copy = this.copies.get(text)
    if (copy === undefined) {
      copy = ownCopy(text)
      this.copies.set(copy, copy)
    }
    return copy
  }
}
