// Reads entry files in batches, so that an import of any size holds one batch of documents at a time. A
// file with any problem, or whose slug an earlier file already uses, is reported as FILE:LINE: reason
// and left out whole; only the slugs seen so far (and their files) are remembered across batches.
import { formatProblem, readTermFile } from '@/content-format/read-term-files'
import type { TermDocument } from '@/content-format/types'

/** How many entries are read, looked up and written together. */
export const ENTRY_BATCH_SIZE = 200

export type ProblemSink = (line: string) => void

export class EntryReader {
  invalidFiles = 0
  filesRead = 0
  private readonly fileBySlug = new Map<string, string>()

  constructor(
    readonly files: string[],
    private readonly reportProblem: ProblemSink,
  ) {}

  /** The valid entries, `size` at a time, in the order of the files. */
  async *batches(size: number): AsyncGenerator<TermDocument[]> {
    let batch: TermDocument[] = []
    for (const file of this.files) {
      const document = await this.readValid(file)
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

  private async readValid(file: string): Promise<TermDocument | null> {
    const result = await readTermFile(file)
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
