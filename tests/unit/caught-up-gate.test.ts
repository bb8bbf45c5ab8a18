// Requests arriving before the server's first successful look at the content-changes log wait for it
// (answers cached by an earlier run could otherwise be served); its own internal requests never wait;
// the wait is bounded.
import type { IncomingMessage, ServerResponse } from 'node:http'

import { afterEach, describe, expect, it, vi } from 'vitest'

import { caughtUpGate } from '@/server/caught-up-gate'
import { INTERNAL_TOKEN_HEADER } from '@/site-cache/internal-request'

const request = (headers: Record<string, string> = {}) => ({ headers }) as unknown as IncomingMessage
const response = {} as ServerResponse
const flush = () => new Promise((resolve) => setImmediate(resolve))

afterEach(() => {
  vi.useRealTimers()
})

describe('the caught-up gate', () => {
  it('holds requests until the first look at the log succeeds, then serves them in order', async () => {
    const gate = caughtUpGate()
    const served: string[] = []
    const listener = gate.hold((req) => served.push(String(req.headers['x-name'])))
    listener(request({ 'x-name': 'first' }), response)
    listener(request({ 'x-name': 'second' }), response)
    await flush()
    expect(served).toEqual([])
    gate.open()
    await flush()
    expect(served).toEqual(['first', 'second'])
    listener(request({ 'x-name': 'after' }), response)
    expect(served).toEqual(['first', 'second', 'after'])
  })

  it('never holds the server’s own internal requests, which do the look', async () => {
    const gate = caughtUpGate()
    const served: string[] = []
    gate.hold(() => served.push('internal'))(request({ [INTERNAL_TOKEN_HEADER]: 'token' }), response)
    expect(served).toEqual(['internal'])
    expect(gate.isOpen()).toBe(false)
  })

  it('serves anyway, and says so, when the log cannot be read within the bound', async () => {
    vi.useFakeTimers()
    const warnings: string[] = []
    const gate = caughtUpGate({ maxWaitMs: 5_000, warn: (message) => warnings.push(message) })
    const served: string[] = []
    gate.hold(() => served.push('held'))(request(), response)
    gate.startClock()
    await vi.advanceTimersByTimeAsync(4_999)
    expect(served).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(served).toEqual(['held'])
    expect(warnings).toEqual([expect.stringContaining('could not be read within 5 s')])
  })
})
