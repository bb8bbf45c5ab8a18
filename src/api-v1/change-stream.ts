// GET /api/v1/changes/stream: the change feed as server-sent events, for a consumer that wants changes
// as they settle instead of polling. Each item is one `change` event whose id is the cursor after it, so
// an EventSource that reconnects resumes where it stopped. The stream reads the feed about once a second,
// sends a comment when it has been quiet for a while (so proxies keep the connection), and closes itself
// after a lifetime; an instance holds a bounded number of streams, and a stream holds at most one page.
import type { Payload } from 'payload'

import type { ChangeFeedSettings } from '@/config/env'
import { serverStopping } from '@/shutdown/stopping'

import { encodeCursor, type FeedCursor } from './change-cursor'
import { CURSOR_EXPIRED_DETAIL, feedCursorExpired, readFeedPage, type FeedEntry } from './change-feed'
import { readStreamStart } from './change-parameters'
import { ChangeSchema } from './change-schema'
import { problem, problemResponse } from '../http/problem'
import { refuseUnknownParameters } from './query-parameters'

export const STREAM_PARAMETERS = ['since'] as const

const POLL_MS = 1_000
const HEARTBEAT_MS = 15_000
/** Items read per look at the feed: what one stream may hold while its client is slow to take it. */
const STREAM_PAGE = 100
/** How long a client waits before reconnecting after the stream closes. */
const RECONNECT_MS = 2_000
/** A refused client asks again after this many seconds: by then streams have reached their lifetime. */
const RETRY_AFTER_SECONDS = 10

/** The streams one process holds open, up to a maximum. */
export class StreamSlots {
  private open = 0

  constructor(readonly max: number) {}

  get size(): number {
    return this.open
  }

  /** A slot and the function that gives it back (once, however often it is called), or null when all are taken. */
  take(): (() => void) | null {
    if (this.open >= this.max) return null
    this.open += 1
    let held = true
    return () => {
      if (!held) return
      held = false
      this.open -= 1
    }
  }
}

const SLOTS_KEY = Symbol.for('cloudlex.change-stream-slots')
/** The slots of this process, shared by every bundle of the app that serves the stream. */
export function streamSlotsOfThisProcess(max: number): StreamSlots {
  const global = globalThis as { [SLOTS_KEY]?: StreamSlots }
  global[SLOTS_KEY] ??= new StreamSlots(max)
  return global[SLOTS_KEY]
}

export type StreamOptions = Pick<ChangeFeedSettings, 'settleMs' | 'streamLifetimeMs'> & {
  slots: StreamSlots
  pollMs?: number
  heartbeatMs?: number
  /** Ends every stream when it aborts: the server's stop by default. */
  stopping?: AbortSignal
}

function eventOf(entry: FeedEntry): string {
  return `event: change\nid: ${encodeCursor(entry.after)}\ndata: ${JSON.stringify(ChangeSchema.parse(entry.item))}\n\n`
}

/** Waits `ms`, or less when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done, { once: true })
  })
}

/** What one stream sends, chunk by chunk; null once it is over (lifetime reached or stopped). */
function streamChunks(payload: Payload, start: FeedCursor | null, options: StreamOptions, stopped: AbortSignal) {
  const { settleMs, streamLifetimeMs, pollMs = POLL_MS, heartbeatMs = HEARTBEAT_MS } = options
  const endsAt = Date.now() + streamLifetimeMs
  let cursor = start
  let lastSentAt = Date.now()
  let opened = false
  return async function nextChunk(): Promise<string | null> {
    if (!opened) {
      opened = true
      return `: change feed\nretry: ${RECONNECT_MS}\n\n`
    }
    while (!stopped.aborted) {
      const now = Date.now()
      if (now >= endsAt) return null
      const page = await readFeedPage(payload, cursor, { limit: STREAM_PAGE, settleMs })
      cursor = page.next
      if (page.entries.length > 0) {
        lastSentAt = now
        return page.entries.map(eventOf).join('')
      }
      if (now - lastSentAt >= heartbeatMs) {
        lastSentAt = now
        return ': heartbeat\n\n'
      }
      await pause(Math.min(pollMs, endsAt - now), stopped)
    }
    return null
  }
}

export async function answerChangeStream(
  request: Request,
  payload: Payload,
  options: StreamOptions,
): Promise<Response> {
  const refusal = refuseUnknownParameters(request, STREAM_PARAMETERS)
  if (refusal) return refusal
  const start = readStreamStart(request)
  if ('refusal' in start) return start.refusal
  if (start.value && (await feedCursorExpired(payload, start.value))) {
    return problemResponse(problem('cursor-expired', new URL(request.url).pathname, CURSOR_EXPIRED_DETAIL))
  }
  const release = options.slots.take()
  if (!release) {
    const path = new URL(request.url).pathname
    return problemResponse(
      problem(
        'too-many-streams',
        path,
        `This server holds ${options.slots.max} open streams; try again in ${RETRY_AFTER_SECONDS} s, or poll /api/v1/changes.`,
      ),
      { 'retry-after': String(RETRY_AFTER_SECONDS) },
    )
  }
  const stop = new AbortController()
  // The client going away ends the polling at once, not at the next write; a server that stops ends the
  // stream, and the client reconnects to another instance.
  const endings = [request.signal, options.stopping ?? serverStopping()]
  const finish = () => {
    for (const signal of endings) signal.removeEventListener('abort', finish)
    stop.abort()
    release()
  }
  for (const signal of endings) signal.addEventListener('abort', finish, { once: true })
  if (endings.some((signal) => signal.aborted)) finish()
  const nextChunk = streamChunks(payload, start.value, options, stop.signal)
  const encoder = new TextEncoder()
  let cancelled = false
  const body = new ReadableStream<Uint8Array>({
    // Called for the next chunk only once the client has taken the last: a slow client holds one page.
    async pull(controller) {
      try {
        const chunk = await nextChunk()
        if (chunk !== null && !stop.signal.aborted) return controller.enqueue(encoder.encode(chunk))
        finish()
        // A stream its reader cancelled is closed already.
        if (!cancelled) controller.close()
      } catch (error) {
        finish()
        console.error(`The change stream stopped: ${error instanceof Error ? error.message : String(error)}`)
        controller.error(error)
      }
    },
    cancel() {
      cancelled = true
      finish()
    },
  })
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      // no-transform: compression (the server's and a proxy's) would hold events back until a buffer fills.
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    },
  })
}
