import { TermNameIndex, type TermNames } from './term-links'
import type { UpsertedTerm } from './upsert-term'

/** Names of terms written in the open transaction: later terms of it see them, kept only if it commits. */
export class StagedTermNames implements TermNames {
  private staged = new TermNameIndex()
  private entries: UpsertedTerm['names'][] = []

  constructor(private readonly committed: TermNameIndex) {}

  add(names: UpsertedTerm['names']): void {
    this.staged.add(names)
    this.entries.push(names)
  }

  resolve(name: string) {
    return this.staged.resolve(name) ?? this.committed.resolve(name)
  }

  commit(): void {
    for (const names of this.entries) this.committed.add(names)
    this.discard()
  }

  discard(): void {
    this.staged = new TermNameIndex()
    this.entries = []
  }
}
