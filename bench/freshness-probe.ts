// Freshness under load: while connections hammer one term's page, another process (the import CLI)
// publishes an edit of that term; then the page is polled until the edit shows. Reports how long after the
// CLI's exit readers first saw it and what the requests right after the change cost.
import fs from 'node:fs/promises'
import path from 'node:path'

import { serializeTermDocument, type TermDocument } from '@/content-format'

import { epochNow, exchange, type BenchRequest } from './bench-request'
import { runImportCli } from './import-throughput'
import { startLoad, type LoadRun } from './load-runner'

/** The window after a change in which every request counts against "no request after a change is slow". */
export const AFTER_CHANGE_WINDOW_MS = 5_000
const VISIBLE_TIMEOUT_MS = 30_000
const STEADY_LOAD_MS = 2_000

export type Poll = { startedAtMs: number; latencyMs: number; visible: boolean }

export type FreshnessSummary = {
  /** CLI exit → the end of the first response that showed the change; null when it never showed. */
  visibleAfterMs: number | null
  /** The latency of the first request sent after the CLI exited (from the load or the poll). */
  firstRequestMs: number | null
  maxLatencyAfterChangeMs: number | null
  requestsAfterChange: number
}

export type FreshnessResult = FreshnessSummary & {
  slug: string
  publishSeconds: number
  load: Pick<LoadRun, 'non2xx' | 'errors'> & { requestsPerSecond: number }
}

export function summarizeFreshness(
  exitedAtMs: number,
  polls: readonly Poll[],
  timeline: readonly [number, number][],
): FreshnessSummary {
  const firstVisible = polls.find((poll) => poll.visible)
  const requests = [...polls.map((poll): [number, number] => [poll.startedAtMs, poll.latencyMs]), ...timeline]
    .filter(([startedAt]) => startedAt >= exitedAtMs)
    .sort((a, b) => a[0] - b[0])
  const inWindow = requests.filter(([startedAt]) => startedAt <= exitedAtMs + AFTER_CHANGE_WINDOW_MS)
  return {
    visibleAfterMs: firstVisible ? firstVisible.startedAtMs + firstVisible.latencyMs - exitedAtMs : null,
    firstRequestMs: requests[0]?.[1] ?? null,
    maxLatencyAfterChangeMs: inWindow.reduce<number | null>(
      (max, [, latency]) => (max === null || latency > max ? latency : max),
      null,
    ),
    requestsAfterChange: inWindow.length,
  }
}

/** An edit a reader can see: the definition gains a sentence with a word nobody else uses. */
export function editedEntry(entry: TermDocument, marker: string): TermDocument {
  return { ...entry, definition: `${entry.definition} Revised as ${marker}.` }
}

/** One reader asking for the page again and again; a request that fails or times out counts as not showing it. */
async function pollUntilVisible(
  baseUrl: string,
  page: BenchRequest,
  marker: string,
  deadlineMs: number,
): Promise<Poll[]> {
  const polls: Poll[] = []
  while (epochNow() < deadlineMs) {
    const startedAtMs = epochNow()
    const timeoutMs = Math.max(1, deadlineMs - startedAtMs)
    const answer = await exchange(baseUrl, page, timeoutMs).catch(() => undefined)
    if (!answer) {
      polls.push({ startedAtMs, latencyMs: epochNow() - startedAtMs, visible: false })
      continue
    }
    const visible = answer.status === 200 && answer.body.includes(marker)
    polls.push({ startedAtMs: answer.startedAtMs, latencyMs: answer.latencyMs, visible })
    if (visible) break
  }
  return polls
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))

type ProbeOptions = {
  baseUrl: string
  entry: TermDocument
  publishDir: string
  cliEnv: NodeJS.ProcessEnv
  connections: number
}

export async function probeFreshness({
  baseUrl,
  entry,
  publishDir,
  cliEnv,
  connections,
}: ProbeOptions): Promise<FreshnessResult> {
  const marker = `benchrevision${Date.now()}`
  await fs.mkdir(publishDir, { recursive: true })
  const file = path.join(publishDir, `${entry.slug}.txt`)
  await fs.writeFile(file, serializeTermDocument(editedEntry(entry, marker)))

  const page: BenchRequest = { method: 'GET', path: `/terms/${entry.slug}` }
  const load = startLoad({
    baseUrl,
    requests: [page],
    connections,
    durationSeconds: 300, // an upper bound: the probe stops it once the window after the change has passed
    timeoutSeconds: 30,
    recordTimeline: true,
  })
  await load.started
  await pause(STEADY_LOAD_MS)
  const publish = await runImportCli([file], cliEnv)
  const polls = await pollUntilVisible(baseUrl, page, marker, publish.exitedAtMs + VISIBLE_TIMEOUT_MS)
  await pause(publish.exitedAtMs + AFTER_CHANGE_WINDOW_MS - epochNow())
  const run = await load.finish({ early: true })
  return {
    slug: entry.slug,
    publishSeconds: (publish.exitedAtMs - publish.startedAtMs) / 1000,
    ...summarizeFreshness(publish.exitedAtMs, polls, run.timeline ?? []),
    load: { requestsPerSecond: run.latency.requestsPerSecond, non2xx: run.non2xx, errors: run.errors },
  }
}
