// Cursors of the v1 lists. A cursor is the position after the last item of a page: that item's sort key
// and its slug (unique, so it breaks ties), so the next page starts exactly there whatever was added or
// removed meanwhile, where an offset would skip or repeat items. Clients treat it as opaque: it is
// base64url of a small JSON object, checked field by field when it comes back.
import { z } from 'zod'

import type { ListPosition } from '@/site-data/published-terms'

import { invalidParameterResponse } from '../http/problem'

/** Longer than any cursor this API hands out (a sort key and a slug of at most a few hundred characters). */
export const MAX_CURSOR_LENGTH = 2_000

const CursorContent = z
  .object({ o: z.string().min(1).max(40), k: z.string().max(500), s: z.string().min(1).max(500) })
  .strict()

export function encodeCursor(order: string, position: ListPosition): string {
  return Buffer.from(JSON.stringify({ o: order, k: position.key, s: position.slug })).toString('base64url')
}

export type DecodedCursor = { ok: true; position: ListPosition } | { ok: false; reason: string }

/** The position a cursor names, if it is one this API made for the same order of the same list. */
export function decodeCursor(cursor: string, order: string): DecodedCursor {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return { ok: false, reason: 'not a cursor this API handed out' }
  let content: unknown
  try {
    content = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    return { ok: false, reason: 'not a cursor this API handed out' }
  }
  const parsed = CursorContent.safeParse(content)
  if (!parsed.success) return { ok: false, reason: 'not a cursor this API handed out' }
  if (parsed.data.o !== order)
    return { ok: false, reason: `this cursor belongs to the order "${parsed.data.o}", not "${order}"` }
  return { ok: true, position: { key: parsed.data.k, slug: parsed.data.s } }
}

/** The position the `cursor` parameter names (null for the first page), or the 400 answer naming it. */
export function positionFromCursor(
  path: string,
  cursor: string | undefined,
  order: string,
): ListPosition | null | Response {
  if (cursor === undefined) return null
  const decoded = decodeCursor(cursor, order)
  if (decoded.ok) return decoded.position
  return invalidParameterResponse(path, 'cursor', decoded.reason)
}
