// See-also links to outside pages become `href`s on the term page: only http(s) addresses are accepted,
// with a message naming the row, the same rule as provider documentation links. (Payload validates on
// publish; draft saves skip field validation.)
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Category } from '@/payload-types'

import { getTestPayload } from './support/harness'

let payload: Payload
let category: Category

beforeAll(async () => {
  payload = await getTestPayload()
  category = await payload.create({ collection: 'categories', data: { name: 'Network', slug: 'network' } })
})

const termWithLinks = (slug: string, urls: string[]) => ({
  title: slug,
  slug,
  definition: 'x',
  category: category.id,
  difficulty: 'beginner' as const,
  seeAlso: urls.map((url, index) => ({ label: `Link ${index + 1}`, url })),
})

function fieldErrors(error: unknown): { path: string; message: string }[] {
  const errors = (error as { data?: { errors?: { path: string; message: string }[] } }).data?.errors
  if (!errors) throw new Error(`expected a validation error, got ${String(error)}`)
  return errors.map(({ path, message }) => ({ path, message }))
}

describe('see-also links', () => {
  it.each([
    'javascript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://example.com/file',
    'example.com',
  ])('refuse %s, naming the row', async (url) => {
    const error = await payload
      .create({
        collection: 'terms',
        data: {
          ...termWithLinks(`bad-${Math.random().toString(36).slice(2, 8)}`, ['https://example.com', url]),
          _status: 'published',
        },
      })
      .catch((caught: unknown) => caught)
    expect(fieldErrors(error)).toEqual([
      { path: 'seeAlso', message: `See also, row 2: URL "${url}" must be a full http(s) address.` },
    ])
  })

  it('accept http and https addresses', async () => {
    const term = await payload.create({
      collection: 'terms',
      data: {
        ...termWithLinks('good-links', ['https://example.com/docs', 'http://example.org']),
        _status: 'published',
      },
    })
    expect(term.seeAlso?.map((row) => row.url)).toEqual(['https://example.com/docs', 'http://example.org'])
  })
})
