import { describe, expect, it } from 'vitest'

import { WriteQueue } from '@/db/serialize-sqlite-writes'

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('the SQLite write queue', () => {
  it('runs overlapping writes one at a time, in arrival order', async () => {
    const queue = new WriteQueue()
    const events: string[] = []
    const write = (name: string, ms: number) =>
      queue.run(async () => {
        events.push(`${name} start`)
        await pause(ms)
        events.push(`${name} end`)
      })
    await Promise.all([write('a', 20), write('b', 1), write('c', 5)])
    expect(events).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end'])
  })

  it('keeps going after a write fails', async () => {
    const queue = new WriteQueue()
    await expect(queue.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    await expect(queue.run(async () => 'next')).resolves.toBe('next')
  })

  it('gives up with a clear error when the turn does not come, and the queue recovers', async () => {
    const queue = new WriteQueue()
    const release = await queue.acquire()
    await expect(queue.acquire(30)).rejects.toThrow('The database stayed busy for 0.03 s; try again.')
    release()
    await expect(queue.run(async () => 'after')).resolves.toBe('after')
  })
})
