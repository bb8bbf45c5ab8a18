// What an import did, term by term, gathered as it goes: a slug and an outcome per entry, the names still
// waiting, what failed, and whether a signal stopped it early.
import { OwnedStrings } from './own-copy'
import type { TermNames } from './term-links'

export type ImportStatus = 'draft' | 'published'

export type TermOutcome = 'created' | 'updated' | 'unchanged'

export type ImportReport = {
  created: string[]
  updated: string[]
  unchanged: string[]
  /** Terms outside the import whose waiting names now point at a term it brought. */
  linked: string[]
  unresolved: { slug: string; names: string[] }[]
  failed: { slug: string; message: string }[]
  /** The signal that stopped the import before the end, or null when it ran to the end. */
  stoppedBy: string | null
  /** Entries that were read but not written because the import stopped. */
  notImported: string[]
}

export function countChanges(report: ImportReport): number {
  return report.created.length + report.updated.length + report.linked.length
}

export class ImportReportBuilder {
  private readonly outcomeBySlug = new Map<string, TermOutcome>()
  private readonly waitingBySlug = new Map<string, string[]>()
  private readonly linked: string[] = []
  private readonly failed: ImportReport['failed'] = []
  private readonly notImported: string[] = []
  private stoppedBy: string | null = null

  constructor(private readonly strings = new OwnedStrings()) {}

  written(slug: string, outcome: TermOutcome, waitingNames: string[]): void {
    const key = this.strings.get(slug)
    this.outcomeBySlug.set(key, outcome)
    if (waitingNames.length > 0)
      this.waitingBySlug.set(
        key,
        waitingNames.map((name) => this.strings.get(name)),
      )
    else this.waitingBySlug.delete(key)
  }

  failedToWrite(slug: string, error: unknown): void {
    this.failed.push({ slug: this.strings.get(slug), message: error instanceof Error ? error.message : String(error) })
  }

  /** A term whose links the final pass rewrote: an update of this import's term, or a link to another one. */
  relinked(slug: string): void {
    const outcome = this.outcomeBySlug.get(slug)
    if (outcome === 'unchanged') this.outcomeBySlug.set(slug, 'updated')
    else if (outcome === undefined) this.linked.push(this.strings.get(slug))
  }

  stopped(signal: string, notWritten: string[]): void {
    this.stoppedBy = signal
    this.notImported.push(...notWritten.map((slug) => this.strings.get(slug)))
  }

  /** The report, with the names that `terms` still cannot resolve after everything was written. */
  build(terms: TermNames): ImportReport {
    const withOutcome = (wanted: TermOutcome) =>
      [...this.outcomeBySlug].flatMap(([slug, outcome]) => (outcome === wanted ? [slug] : []))
    const unresolved = [...this.waitingBySlug].flatMap(([slug, names]) => {
      const still = names.filter((name) => !terms.resolve(name))
      return still.length > 0 ? [{ slug, names: still }] : []
    })
    return {
      created: withOutcome('created'),
      updated: withOutcome('updated'),
      unchanged: withOutcome('unchanged'),
      linked: [...this.linked],
      unresolved,
      failed: [...this.failed],
      stoppedBy: this.stoppedBy,
      notImported: [...this.notImported],
    }
  }
}
