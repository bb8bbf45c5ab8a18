// The change feed as server-sent events, read from a real Payload: each change is one event whose id
// resumes the stream right after it (Last-Event-ID over `since`), a quiet stream sends heartbeats, every
// stream closes itself after its lifetime, a client that goes away stops the polling, and an instance
// refuses streams beyond its cap with 503 and Retry-After.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { encodeCursor, type FeedCursor } from '@/api-v1/change-cursor'
import { readFeedPage } from '@/api-v1/change-feed'
import type { V1Change } from '@/api-v1/change-schema'
import { answerChangeStream, StreamSlots, type StreamOptions } from '@/api-v1/change-stream'
import type { Category, Term } from '@/payload-types'

import { createTermQuietly, getTestPayload, QUIET } from './support/harness'

let payload: Payload
let category: Category
let termCount = 0

function publishTerm(): Promise<Term> {
  termCount += 1
  return createTermQuietly(payload, { title: `Stream Term ${termCount}`, definition: 'Streamed.', category })
}

/** The cursor at the end of the feed as it is now. */
async function endOfFeed(): Promise<FeedCursor> {
  let cursor: FeedCursor | null = null
  for (;;) {
    const page = await readFeedPage(payload, cursor, { limit: 500, settleMs: 0 })
    cursor = page.next
    if (!page.hasMore) return cursor
  }
}

const options = (overrides: Partial<StreamOptions> = {}): StreamOptions => ({
  settleMs: 0,
  streamLifetimeMs: 10_000,
  pollMs: 20,
  heartbeatMs: 60_000,
  slots: new StreamSlots(10),
  ...overrides,
})

function streamRequest(search = '', headers: Record<string, string> = {}, signal?: AbortSignal): Request {
  return new Request(`http://127.0.0.1/api/v1/changes/stream${search}`, { headers, signal })
}

type SseEvent = { event?: string; id?: string; data?: string; comment?: string }

/** Reads the stream's events as they come, until `enough` says stop or the stream ends. */
async function readEvents(
  response: Response,
  enough: (events: SseEvent[]) => boolean,
): Promise<{ events: SseEvent[]; ended: boolean }> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  const events: SseEvent[] = []
  let buffered = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (done) return { events, ended: true }
    buffered += value
    let end: number
    while ((end = buffered.indexOf('\n\n')) >= 0) {
      const block = buffered.slice(0, end)
      buffered = buffered.slice(end + 2)
      const event: SseEvent = {}
      for (const line of block.split('\n')) {
        const [field, ...rest] = line.split(':')
        const text = rest.join(':').replace(/^ /, '')
        if (field === '') event.comment = text
        else if (field === 'event' || field === 'id' || field === 'data') event[field] = text
      }
      events.push(event)
    }
    if (enough(events)) {
      await reader.cancel()
      return { events, ended: false }
    }
  }
}

const changes = (events: SseEvent[]) => events.filter((event) => event.event === 'change')
const itemsOf = (events: SseEvent[]) => changes(events).map((event) => JSON.parse(event.data!) as V1Change)

beforeAll(async () => {
  payload = await getTestPayload()
  category = await payload.create({ collection: 'categories', data: { name: 'Streams', slug: 'streams' }, ...QUIET })
})

describe('the change stream', () => {
  it('sends each change as an event whose id resumes the stream right after it, Last-Event-ID winning over since', async () => {
    const since = encodeCursor(await endOfFeed())
    const terms = [await publishTerm(), await publishTerm(), await publishTerm()]
    const response = await answerChangeStream(streamRequest(`?since=${since}`), payload, options())
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform')
    const { events } = await readEvents(response, (read) => changes(read).length >= 3)
    expect(events[0]!.comment).toBe('change feed')
    expect(itemsOf(events).map((item) => [item.id, item.change])).toEqual(
      terms.map((term) => [String(term.id), 'published']),
    )

    const afterFirst = changes(events)[0]!.id!
    // An EventSource reconnects to the same address (the old since) and names the last event it received.
    const resumed = await answerChangeStream(
      streamRequest(`?since=${since}`, { 'last-event-id': afterFirst }),
      payload,
      options(),
    )
    const again = await readEvents(resumed, (read) => changes(read).length >= 2)
    expect(itemsOf(again.events).map((item) => item.id)).toEqual(terms.slice(1).map((term) => String(term.id)))
  })

  it('refuses a malformed Last-Event-ID or since with a 400 naming it', async () => {
    const header = await answerChangeStream(streamRequest('', { 'last-event-id': 'nope' }), payload, options())
    expect(header.status).toBe(400)
    expect((await header.json()).parameters).toEqual([expect.objectContaining({ name: 'Last-Event-ID' })])
    const query = await answerChangeStream(streamRequest('?since=nope'), payload, options())
    expect((await query.json()).parameters).toEqual([expect.objectContaining({ name: 'since' })])
    const unknown = await answerChangeStream(streamRequest('?limit=5'), payload, options())
    expect((await unknown.json()).parameters).toEqual([expect.objectContaining({ name: 'limit' })])
  })

  it('sends a heartbeat comment while nothing changes', async () => {
    const since = encodeCursor(await endOfFeed())
    const response = await answerChangeStream(streamRequest(`?since=${since}`), payload, options({ heartbeatMs: 100 }))
    const { events } = await readEvents(response, (read) => read.some((event) => event.comment === 'heartbeat'))
    expect(changes(events)).toEqual([])
  })

  it('closes itself after its lifetime and gives its slot back', async () => {
    const slots = new StreamSlots(1)
    const since = encodeCursor(await endOfFeed())
    const started = Date.now()
    const response = await answerChangeStream(
      streamRequest(`?since=${since}`),
      payload,
      options({ slots, streamLifetimeMs: 300 }),
    )
    expect(slots.size).toBe(1)
    const { ended } = await readEvents(response, () => false)
    expect(ended).toBe(true)
    expect(Date.now() - started).toBeGreaterThanOrEqual(300)
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(slots.size).toBe(0)
  })

  it('answers 503 with Retry-After beyond the cap, and takes a stream again once one is closed', async () => {
    const slots = new StreamSlots(2)
    const open = [
      await answerChangeStream(streamRequest(), payload, options({ slots })),
      await answerChangeStream(streamRequest(), payload, options({ slots })),
    ]
    const refused = await answerChangeStream(streamRequest(), payload, options({ slots }))
    expect(refused.status).toBe(503)
    expect(refused.headers.get('retry-after')).toBe('10')
    expect(refused.headers.get('content-type')).toBe('application/problem+json')
    expect((await refused.json()).type).toBe('urn:cloudlex:problem:too-many-streams')
    await open[0]!.body!.cancel()
    expect(slots.size).toBe(1)
    expect((await answerChangeStream(streamRequest(), payload, options({ slots }))).status).toBe(200)
    await open[1]!.body!.cancel()
  })

  it('ends when the server stops, so the graceful stop is not held up', async () => {
    const slots = new StreamSlots(3)
    const stopping = new AbortController()
    const streams = [
      await answerChangeStream(streamRequest(), payload, options({ slots, stopping: stopping.signal })),
      await answerChangeStream(streamRequest(), payload, options({ slots, stopping: stopping.signal })),
    ]
    const readers = streams.map((response) => response.body!.getReader())
    for (const reader of readers) await reader.read()
    expect(slots.size).toBe(2)
    stopping.abort()
    expect(slots.size).toBe(0)
    for (const reader of readers) {
      let done = false
      while (!done) done = (await reader.read()).done
    }
    const afterStop = await answerChangeStream(streamRequest(), payload, options({ slots, stopping: stopping.signal }))
    expect(await afterStop.body!.getReader().read()).toEqual({ done: true, value: undefined })
    expect(slots.size).toBe(0)
  })

  it('stops polling as soon as the client goes away', async () => {
    const slots = new StreamSlots(1)
    const since = encodeCursor(await endOfFeed())
    const client = new AbortController()
    let reads = 0
    const counting = new Proxy(payload, {
      get(target, property, receiver) {
        if (property === 'find') return (...args: Parameters<Payload['find']>) => ((reads += 1), target.find(...args))
        return Reflect.get(target, property, receiver)
      },
    })
    const response = await answerChangeStream(
      streamRequest(`?since=${since}`, {}, client.signal),
      counting,
      options({ slots }),
    )
    const reader = response.body!.getReader()
    await reader.read()
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(reads).toBeGreaterThan(0)
    client.abort()
    expect(slots.size).toBe(0)
    expect(await reader.read()).toEqual({ done: true, value: undefined })
    const readsWhenGone = reads
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(reads).toBe(readsWhenGone)
  })
})
