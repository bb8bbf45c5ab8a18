// The headers every v1 answer carries: a Cache-Tag that fits a proxy's header buffer whatever the page
// holds, a strong ETag that is the digest of the bytes sent, and 304 for a caller that holds them.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'

import { boundedCacheTags, MAX_CACHE_TAGS_LENGTH, v1Answer } from '@/api-v1/v1-answer'

const termTag = (n: number) => `term-id:${String(n).padStart(8, '0')}-0000-4000-8000-000000000000`

describe('cache tags of a v1 answer', () => {
  it('name each document while they fit, and the broader tags once they would not', () => {
    const few = Array.from({ length: 10 }, (_, n) => termTag(n))
    expect(boundedCacheTags([...few, few[0]!], ['term-lists'])).toEqual(few)
    const many = Array.from({ length: 100 }, (_, n) => termTag(n))
    expect(many.join(',').length).toBeGreaterThan(MAX_CACHE_TAGS_LENGTH)
    expect(boundedCacheTags(many, ['term-lists', 'term-lists'])).toEqual(['term-lists'])
  })

  it('go out in the Cache-Tag header with a strong ETag, and 304 for the same ETag', async () => {
    const schema = z.object({ slug: z.string() })
    const answer = v1Answer(
      new Request('http://127.0.0.1/api/v1/x'),
      schema,
      { slug: 'dns', extra: 'dropped' } as never,
      ['term:dns', 'term:dns'],
    )
    expect(answer.status).toBe(200)
    expect(answer.headers.get('cache-tag')).toBe('term:dns')
    expect(await answer.text()).toBe('{"slug":"dns"}')
    const etag = answer.headers.get('etag')!
    const again = v1Answer(
      new Request('http://127.0.0.1/api/v1/x', { headers: { 'if-none-match': etag } }),
      schema,
      { slug: 'dns' },
      [],
    )
    expect(again.status).toBe(304)
  })
})
