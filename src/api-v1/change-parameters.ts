// The parameters of the change feed's endpoints, checked before anything is read: a bad cursor or limit is
// answered with a 400 problem naming it, never taken as "from the start" or as the default.
import { decodeCursor, type FeedCursor } from './change-cursor'
import { DEFAULT_FEED_LIMIT, MAX_FEED_LIMIT } from './change-schema'
import { problem, problemResponse } from '../http/problem'

export type Checked<T> = { value: T } | { refusal: Response }

function invalid(request: Request, name: string, message: string): { refusal: Response } {
  const path = new URL(request.url).pathname
  return { refusal: problemResponse(problem('invalid-parameter', path, `${name} ${message}.`, [{ name, message }])) }
}

/** The one value of a query parameter, or a refusal when it is given more than once. */
function singleParameter(request: Request, name: string): Checked<string | null> {
  const values = new URL(request.url).searchParams.getAll(name)
  if (values.length > 1) return invalid(request, name, 'must be given once')
  return { value: values[0] ?? null }
}

function cursorFrom(request: Request, name: string, text: string): Checked<FeedCursor> {
  const decoded = decodeCursor(text)
  return 'error' in decoded ? invalid(request, name, decoded.error) : { value: decoded.cursor }
}

/** The `since` cursor; null when the consumer starts from nothing. */
export function readSince(request: Request): Checked<FeedCursor | null> {
  const since = singleParameter(request, 'since')
  if ('refusal' in since) return since
  return since.value === null ? { value: null } : cursorFrom(request, 'since', since.value)
}

export const LAST_EVENT_ID = 'Last-Event-ID'

/**
 * Where an event stream starts. Last-Event-ID wins over `since`: an EventSource reconnects to the address
 * it was opened with, `since` included, and sends the id of the last event it received in this header.
 * A malformed `since` is refused all the same.
 */
export function readStreamStart(request: Request): Checked<FeedCursor | null> {
  const since = readSince(request)
  const lastEventId = request.headers.get(LAST_EVENT_ID)
  if ('refusal' in since || lastEventId === null || lastEventId === '') return since
  return cursorFrom(request, LAST_EVENT_ID, lastEventId)
}

export function readLimit(request: Request): Checked<number> {
  const limit = singleParameter(request, 'limit')
  if ('refusal' in limit) return limit
  if (limit.value === null) return { value: DEFAULT_FEED_LIMIT }
  const value = /^\d{1,4}$/.test(limit.value) ? Number(limit.value) : Number.NaN
  if (!(value >= 1 && value <= MAX_FEED_LIMIT))
    return invalid(request, 'limit', `must be a whole number from 1 to ${MAX_FEED_LIMIT}`)
  return { value }
}
