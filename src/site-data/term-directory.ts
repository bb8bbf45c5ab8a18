// The published-term directory: every published term as search and auto-linking need it, in memory,
// built once and then kept in step with the content-changes log, never rebuilt per change. Requests
// call `current()` (search: the log was looked at within about a second) or `upToDate()` (pages that
// cache the links they render: the log was looked at after the request began).
import type { ChangeCursor } from '@/site-cache/change-log'

import { DirectoryContents } from './directory-contents'
import { applyChanges, BATCH_SIZE, readWholeGlossary, type DirectoryReader } from './directory-sync'
import { shownTermTexts } from './shown-term-texts'

export type TermDirectoryOptions = {
  /** Least time between two looks at the log on behalf of `current()`. */
  checkIntervalMs?: number
  now?: () => number
  batchSize?: number
  onError?: (error: unknown) => void
}

const reportError = (error: unknown) =>
  console.error(
    `The term directory could not follow the content-changes log: ${error instanceof Error ? error.message : String(error)}`,
  )

export class TermDirectory {
  private contents: DirectoryContents | null = null
  private firstBuild: Promise<DirectoryContents> | null = null
  private cursor: ChangeCursor | null = null
  private lastCheckStart = Number.NEGATIVE_INFINITY
  private checking: Promise<void> | null = null
  private nextCheck: Promise<void> | null = null
  private resyncing: Promise<void> | null = null
  private readonly checkIntervalMs: number
  private readonly now: () => number
  private readonly batchSize: number
  private readonly onError: (error: unknown) => void

  constructor(
    private readonly reader: DirectoryReader,
    options: TermDirectoryOptions = {},
  ) {
    this.checkIntervalMs = options.checkIntervalMs ?? 1_000
    this.now = options.now ?? Date.now
    this.batchSize = options.batchSize ?? BATCH_SIZE
    this.onError = options.onError ?? reportError
  }

  /**
   * The contents, with the log looked at within the last check interval; a read-through in progress is not
   * waited for.
   */
  async current(): Promise<DirectoryContents> {
    const contents = this.contents ?? (await this.build())
    if (this.checking) await this.checking
    else if (!this.resyncing && this.now() - this.lastCheckStart >= this.checkIntervalMs) await this.check()
    return contents
  }

  /** The contents, with every change recorded before this call applied (waits for a read-through). */
  async upToDate(): Promise<DirectoryContents> {
    const contents = this.contents ?? (await this.build())
    if (this.resyncing) await this.resyncing
    await this.checkAfterNow()
    if (this.resyncing) await this.resyncing
    return contents
  }

  private build(): Promise<DirectoryContents> {
    this.firstBuild ??= (async () => {
      const startedAt = this.now()
      // The cursor is taken before the terms are read, so a change made meanwhile is applied afterwards.
      const start = await this.reader.readChanges(null)
      const contents = new DirectoryContents(shownTermTexts(this.reader))
      await readWholeGlossary(this.reader, contents, this.batchSize)
      this.cursor = start.cursor
      this.lastCheckStart = startedAt
      this.contents = contents
      return contents
    })().catch((error: unknown) => {
      this.firstBuild = null
      throw error
    })
    return this.firstBuild
  }

  /** One look at the log; failures are reported and leave the cursor where it was, so the next look retries. */
  private check(): Promise<void> {
    if (this.resyncing) return this.resyncing
    this.lastCheckStart = this.now()
    this.checking = (async () => {
      const read = await this.reader.readChanges(this.cursor)
      if (read.kind === 'changes') {
        await applyChanges(this.reader, this.contents!, read.tags)
        this.cursor = read.cursor
      } else {
        this.startResync(read.cursor)
      }
    })()
      .catch(this.onError)
      .finally(() => {
        this.checking = null
      })
    return this.checking
  }

  /** A check that begins after this call: the one in flight may have read the log too early. */
  private checkAfterNow(): Promise<void> {
    if (!this.checking) return this.check()
    this.nextCheck ??= this.checking.then(() => {
      this.nextCheck = null
      return this.check()
    })
    return this.nextCheck
  }

  /** More changes than the log lists one by one: read every published term again, serving meanwhile. */
  private startResync(cursor: ChangeCursor): void {
    this.resyncing = readWholeGlossary(this.reader, this.contents!, this.batchSize)
      .then(() => {
        this.cursor = cursor
      })
      .catch(this.onError)
      .finally(() => {
        this.resyncing = null
      })
  }
}
