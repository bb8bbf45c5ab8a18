// Writes many items with few transactions while each item stays all-or-nothing as others see it. Items
// share a transaction, committed every `maxItems` items or `maxMillis` milliseconds (so another process
// waiting to write never waits long). When an item fails, Payload rolls that whole transaction back;
// its items are then written again one transaction each, so only the failing item is left out.
import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
} from 'payload'

import { yieldToEventLoop } from '@/db/event-loop'

export type AtomicWriter<Item, Result> = {
  /** Writes one item inside the transaction of `req`. */
  write: (item: Item, req: PayloadRequest) => Promise<Result>
  /** The items of a transaction that committed, in order. */
  committed: (written: { item: Item; result: Result }[]) => void
  /** The open transaction was rolled back: forget what its writes told you. */
  rolledBack: () => void
  failed: (item: Item, error: unknown) => void
}

export type AtomicWriteOptions = { maxItems: number; maxMillis: number; signal?: AbortSignal }

type Attempt<Result> = { ok: true; results: Result[] } | { ok: false; error: unknown; failedAt: number }

async function writeInOneTransaction<Item, Result>(
  payload: Payload,
  items: Item[],
  start: number,
  writer: AtomicWriter<Item, Result>,
  { maxItems, maxMillis, signal }: AtomicWriteOptions,
): Promise<Attempt<Result>> {
  const transaction = await createLocalReq({}, payload)
  await initTransaction(transaction)
  const results: Result[] = []
  const started = performance.now()
  try {
    do {
      const req = await createLocalReq({}, payload)
      req.transactionID = transaction.transactionID
      results.push(await writer.write(items[start + results.length]!, req))
      await yieldToEventLoop()
    } while (
      start + results.length < items.length &&
      results.length < maxItems &&
      performance.now() - started < maxMillis &&
      !signal?.aborted
    )
    await commitTransaction(transaction)
    return { ok: true, results }
  } catch (error) {
    await killTransaction(transaction)
    writer.rolledBack()
    return { ok: false, error, failedAt: start + results.length }
  }
}

/** Writes `items` in order; returns how many were handled (fewer than all when `signal` stopped it). */
export async function writeEachAtomically<Item, Result>(
  payload: Payload,
  items: Item[],
  writer: AtomicWriter<Item, Result>,
  options: AtomicWriteOptions,
): Promise<number> {
  let next = 0
  const commit = (start: number, results: Result[]) =>
    writer.committed(results.map((result, offset) => ({ item: items[start + offset]!, result })))
  while (next < items.length && !options.signal?.aborted) {
    const attempt = await writeInOneTransaction(payload, items, next, writer, options)
    if (attempt.ok) {
      commit(next, attempt.results)
      next += attempt.results.length
      continue
    }
    for (; next <= attempt.failedAt; next += 1) {
      if (options.signal?.aborted) return next
      const alone = await writeInOneTransaction(payload, items, next, writer, { ...options, maxItems: 1 })
      if (alone.ok) commit(next, alone.results)
      else writer.failed(items[next]!, alone.error)
    }
  }
  return next
}
