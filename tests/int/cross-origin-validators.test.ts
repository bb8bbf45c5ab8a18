// A browser client on an allowed origin can send If-Match and read ETag: the preflight allows the
// validator headers, and the answers expose ETag. Other origins get no CORS grant at all.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import { revisionTag } from '@/concurrency/revision-tags'
import type { Term, User } from '@/payload-types'

import { callRest, callRestResponse, tokenFor } from './support/api-routes'
import { createStaffUser, getTestPayload } from './support/harness'

const ALLOWED_ORIGIN = 'https://editor.cloudlex.example'
const OTHER_ORIGIN = 'https://elsewhere.example'

// Read by payload.config.ts when it is first imported, before any import above runs.
vi.hoisted(() => {
  process.env.CLOUDLEX_CORS_ORIGINS = 'https://editor.cloudlex.example, https://second.cloudlex.example'
})

let payload: Payload
let editor: User
let editorToken: string
let term: Term

const listed = (header: string | null) => (header ?? '').split(',').map((name) => name.trim().toLowerCase())

/** What a browser sends before a cross-origin PATCH carrying If-Match. */
const preflight = (origin: string, path: string, method: string) =>
  callRestResponse('OPTIONS', path, {
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': method,
      'Access-Control-Request-Headers': 'authorization, content-type, if-match',
    },
  })

beforeAll(async () => {
  payload = await getTestPayload()
  editor = await createStaffUser(payload, 'editor')
  editorToken = await tokenFor(payload, editor)
  const category = await payload.create({ collection: 'categories', data: { name: 'Identity', slug: 'identity' } })
  term = await payload.create({
    collection: 'terms',
    data: {
      title: 'Cross Origin Term',
      definition: 'Edited from another origin.',
      category: category.id,
      difficulty: 'beginner',
    },
    draft: true,
  })
})

describe('cross-origin clients', () => {
  it('get a preflight that allows If-Match and If-None-Match from the configured origin', async () => {
    for (const path of [`/api/terms/${term.id}`, '/api/graphql']) {
      const answer = await preflight(ALLOWED_ORIGIN, path, path === '/api/graphql' ? 'POST' : 'PATCH')
      expect(answer.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN)
      expect(listed(answer.headers.get('access-control-allow-methods'))).toContain('patch')
      expect(listed(answer.headers.get('access-control-allow-headers'))).toEqual(
        expect.arrayContaining(['if-match', 'if-none-match', 'authorization']),
      )
    }
  })

  it('can read the ETag of a read and of a write, and send it back as If-Match', async () => {
    const headers = { Origin: ALLOWED_ORIGIN }
    const read = await callRest('GET', `/api/terms/${term.id}?draft=true`, { token: editorToken, headers })
    expect(read.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN)
    expect(listed(read.headers.get('access-control-expose-headers'))).toContain('etag')
    const write = await callRest('PATCH', `/api/terms/${term.id}?draft=true`, {
      token: editorToken,
      headers: { ...headers, 'If-Match': read.headers.get('etag')! },
      body: { definition: 'Saved from another origin.' },
    })
    expect(write.status).toBe(200)
    expect(write.headers.get('etag')).toBe(revisionTag(String(term.id), 2))
    expect(listed(write.headers.get('access-control-expose-headers'))).toContain('etag')
  })

  it('gives an origin that is not configured no CORS grant', async () => {
    const answer = await preflight(OTHER_ORIGIN, `/api/terms/${term.id}`, 'PATCH')
    expect(answer.headers.get('access-control-allow-origin')).toBeNull()
    const read = await callRest('GET', `/api/terms/${term.id}?draft=true`, {
      token: editorToken,
      headers: { Origin: OTHER_ORIGIN },
    })
    expect(read.headers.get('access-control-allow-origin')).toBeNull()
    expect(read.headers.get('access-control-expose-headers')).toBeNull()
  })
})
