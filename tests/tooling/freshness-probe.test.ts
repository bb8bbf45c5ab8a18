import { describe, expect, it } from 'vitest'

import { AFTER_CHANGE_WINDOW_MS, editedEntry, summarizeFreshness, type Poll } from '../../bench/freshness-probe'
import { generatedEntry } from '../../bench/generated-glossary'
import { parseTermDocument, serializeTermDocument } from '@/content-format'

describe('freshness under load: a publish from the CLI and what readers saw after it', () => {
  const exitedAt = 1_000_000

  it('times the change from the CLI exit to the end of the first response that showed it', () => {
    const polls: Poll[] = [
      { startedAtMs: exitedAt + 1, latencyMs: 40, visible: false },
      { startedAtMs: exitedAt + 45, latencyMs: 700, visible: true },
    ]
    const summary = summarizeFreshness(exitedAt, polls, [])
    expect(summary.visibleAfterMs).toBe(745)
    expect(summary.firstRequestMs).toBe(40)
  })

  it('takes the first request sent after the exit from the load or the poll, whichever was sent first', () => {
    const polls: Poll[] = [{ startedAtMs: exitedAt + 3, latencyMs: 50, visible: true }]
    const timeline: [number, number][] = [
      [exitedAt - 10, 5_000], // sent before the exit: not a request after the change
      [exitedAt + 1, 900],
    ]
    expect(summarizeFreshness(exitedAt, polls, timeline).firstRequestMs).toBe(900)
  })

  it('finds the slowest request sent in the window after the change and ignores those before and after it', () => {
    const timeline: [number, number][] = [
      [exitedAt - 1, 9_000],
      [exitedAt + 100, 120],
      [exitedAt + 4_000, 350],
      [exitedAt + AFTER_CHANGE_WINDOW_MS + 1, 8_000],
    ]
    const summary = summarizeFreshness(exitedAt, [], timeline)
    expect(summary.maxLatencyAfterChangeMs).toBe(350)
    expect(summary.requestsAfterChange).toBe(2)
  })

  it('says the change never showed when no poll saw it', () => {
    const polls: Poll[] = [{ startedAtMs: exitedAt + 1, latencyMs: 30_000, visible: false }]
    expect(summarizeFreshness(exitedAt, polls, []).visibleAfterMs).toBeNull()
  })

  it('publishes an edit the import accepts and a reader can spot by its marker', () => {
    const edited = editedEntry(generatedEntry(0, 100), 'benchrevision123')
    expect(edited.definition).toContain('benchrevision123')
    expect(parseTermDocument(serializeTermDocument(edited))).toEqual({ ok: true, document: edited })
  })
})
