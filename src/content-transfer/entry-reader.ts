// Reads entry files in batches, so that an import of any size holds one batch of documents at a time. A
// file with any problem, or whose slug an earlier file already uses, is reported as FILE:LINE: reason
// and left out whole; only the slugs seen so far (and their files) are remembered across batches.
import { formatProblem, readTermFile } from '@/content-format/read-term-files'
import type { ParseResult, TermDocument } from '@/content-format/types'

/** How many entries are read, looked up and written together. */
export const ENTRY_BATCH_SIZE = 200
/** Files read ahead of the one being parsed (and so open at once). */
const READ_AHEAD = 16

export type ProblemSink = (line: string) => void

export class EntryReader {
  invalidFiles = 0
  filesRead = 0
  private readonly fileBySlug = new Map<string, string>()

  constructor(
    readonly files: string[],
    private readonly reportProblem: ProblemSink,
  ) {}

  /**
   * The valid entries, `size` at a time, in the order of the files. The next files are read while the
   * caller stores a batch: one read at a time left the import waiting on the disk for about 2 s per
   * 10,000 files. Each read still fails or is reported in its turn.
   */
  async *batches(size: number): AsyncGenerator<TermDocument[]> {
    const ahead: Promise<ParseResult>[] = []
    let next = 0
    const readAhead = () => {
      while (ahead.length < READ_AHEAD && next < this.files.length) {
        const read = readTermFile(this.files[next]!)
        // Awaited in its turn; a read left behind by a caller that stops early must not fail the process.
        read.catch(() => undefined)
        ahead.push(read)
        next += 1
      }
    }
    let batch: TermDocument[] = []
    readAhead()
    for (const file of this.files) {
      const result = await ahead.shift()!
      readAhead()
      const document = this.accept(file, result)
      this.filesRead += 1
      if (!document) continue
      batch.push(document)
      if (batch.length >= size) {
        yield batch
        batch = []
      }
    }
    if (batch.length > 0) yield batch
  }

  /** The file an entry with this slug was read from. */
  fileOf(slug: string): string | undefined {
    return this.fileBySlug.get(slug)
  }

  private accept(file: string, result: ParseResult): TermDocument | null {
    if (!result.ok) {
      this.invalidFiles += 1
      for (const problem of result.problems) this.reportProblem(formatProblem(file, problem))
      return null
    }
    const earlier = this.fileBySlug.get(result.document.slug)
    if (earlier) {
      this.invalidFiles += 1
      this.reportProblem(
        formatProblem(file, { line: 1, message: `slug "${result.document.slug}" is already used by ${earlier}` }),
      )
      return null
    }
    this.fileBySlug.set(result.document.slug, file)
    return result.document
  }
}
