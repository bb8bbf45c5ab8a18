// The ids the import's bulk path gives new rows: valid UUIDs that sort in the order they were made, so
// the rows of a batch land at the end of each id index instead of on a random page each.
import { describe, expect, it } from 'vitest'

import { newRowId } from '@/db/bulk-insert'

describe('newRowId', () => {
  it('gives UUIDs (version 7) that sort in the order they were made, even within one millisecond', () => {
    const ids = Array.from({ length: 5_000 }, newRowId)
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual(ids)
  })
})
