// The pure parts of the v1 change feed: the cursor a consumer holds, the settings read from the
// environment, the event a term's change records, and the slots that bound open streams.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { decodeCursor, encodeCursor, MAX_CURSOR_LENGTH, type FeedCursor } from '@/api-v1/change-cursor'
import { StreamSlots } from '@/api-v1/change-stream'
import { CHANGE_FEED_DEFAULTS, readChangeFeedSettings } from '@/config/env'
import { termEvent } from '@/change-events/change-events'
import { OVERLAP_MS } from '@/config/change-log-bounds'

const position = { at: '2026-12-02T06:00:00.123Z', id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' }
const CURSORS: FeedCursor[] = [
  { v: 1, phase: 'snapshot', collection: 'terms', after: null, log: null },
  { v: 1, phase: 'snapshot', collection: 'providers', after: '65a1b2c3d4e5f60718293a4b', log: position },
  { v: 1, phase: 'log', after: null },
  { v: 1, phase: 'log', after: position },
]

describe('the feed cursor', () => {
  it('reads back every position the feed writes, in base64url', () => {
    for (const cursor of CURSORS) {
      const text = encodeCursor(cursor)
      expect(text).toMatch(/^[A-Za-z0-9_-]+$/)
      expect(text.length).toBeLessThan(MAX_CURSOR_LENGTH)
      expect(decodeCursor(text)).toEqual({ cursor })
    }
  })

  it('refuses any text that is not such a position, with a reason', () => {
    const encoded = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
    const refused = [
      '',
      'a b',
      'abc=',
      encoded('log'),
      encoded({ v: 1, phase: 'log' }),
      encoded({ v: 1, phase: 'log', after: null, more: 1 }),
      encoded({ v: 1, phase: 'log', after: { at: '2026-12-02', id: 'x' } }),
      encoded({ v: 1, phase: 'log', after: { at: position.at, id: 'x'.repeat(65) } }),
      encoded({ v: 1, phase: 'log', after: { at: position.at, id: '{"$gt":""}' } }),
      encoded({ v: 1, phase: 'snapshot', collection: 'faqs', after: null, log: null }),
    ]
    for (const text of refused) expect(decodeCursor(text), text).toEqual({ error: expect.any(String) })
  })

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (text) => {
        const decoded = decodeCursor(text)
        if ('cursor' in decoded) expect(decodeCursor(encodeCursor(decoded.cursor))).toEqual(decoded)
      }),
    )
  })
})

describe('the change feed settings', () => {
  it('default to the change log’s overlap, 5 minutes and 100 streams', () => {
    expect(readChangeFeedSettings({})).toEqual({ settleMs: OVERLAP_MS, streamLifetimeMs: 300_000, maxStreams: 100 })
    expect(CHANGE_FEED_DEFAULTS.settleMs).toBe(OVERLAP_MS)
  })

  it('take whole numbers from the environment and refuse anything else, naming the variable', () => {
    expect(
      readChangeFeedSettings({
        CLOUDLEX_CHANGE_FEED_SETTLE_MS: '0',
        CLOUDLEX_CHANGE_FEED_STREAM_LIFETIME_SECONDS: '60',
        CLOUDLEX_CHANGE_FEED_MAX_STREAMS: '5',
      }),
    ).toEqual({
      settleMs: 0,
      streamLifetimeMs: 60_000,
      maxStreams: 5,
    })
    expect(() => readChangeFeedSettings({ CLOUDLEX_CHANGE_FEED_SETTLE_MS: '-1' })).toThrow(
      /CLOUDLEX_CHANGE_FEED_SETTLE_MS/,
    )
    expect(() => readChangeFeedSettings({ CLOUDLEX_CHANGE_FEED_SETTLE_MS: '1.5' })).toThrow(
      /CLOUDLEX_CHANGE_FEED_SETTLE_MS/,
    )
    expect(() => readChangeFeedSettings({ CLOUDLEX_CHANGE_FEED_STREAM_LIFETIME_SECONDS: '0' })).toThrow(
      /CLOUDLEX_CHANGE_FEED_STREAM_LIFETIME_SECONDS/,
    )
    expect(() => readChangeFeedSettings({ CLOUDLEX_CHANGE_FEED_MAX_STREAMS: 'many' })).toThrow(
      /CLOUDLEX_CHANGE_FEED_MAX_STREAMS/,
    )
  })
})

describe('the event of a change to a term', () => {
  it('follows the live version: published, updated, unpublished, or nothing readers saw', () => {
    expect(termEvent(false, true)).toBe('published')
    expect(termEvent(true, true)).toBe('updated')
    expect(termEvent(true, false)).toBe('unpublished')
    expect(termEvent(false, false)).toBeNull()
  })
})

describe('stream slots', () => {
  it('hand out at most the maximum, and take each back once however often it is released', () => {
    const slots = new StreamSlots(2)
    const first = slots.take()!
    const second = slots.take()!
    expect(slots.take()).toBeNull()
    first()
    first()
    expect(slots.size).toBe(1)
    expect(slots.take()).not.toBeNull()
    expect(slots.take()).toBeNull()
    second()
    expect(slots.size).toBe(1)
  })
})
