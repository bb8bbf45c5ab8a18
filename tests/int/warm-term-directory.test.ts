// The warm-up the server asks of its app as it starts: the published glossary read into the term
// directory before any reader needs it, through a route no one else can call.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { POST } from '@/app/(frontend)/next/warm-term-directory/route'
import { importTermDocuments } from '@/content-transfer/import-terms'
import { INTERNAL_TOKEN_ENV, INTERNAL_TOKEN_HEADER, WARM_TERM_DIRECTORY_PATH } from '@/site-cache/internal-request'
import { getTermSearchIndex } from '@/site-data/site-directory'

import { getTestPayload, readSeedDocuments } from './support/harness'

const TOKEN = 'warm-up-test-token-0123456789abcdef'
let payload: Payload

const warmUp = (headers: Record<string, string> = {}) =>
  POST(new Request(`http://127.0.0.1${WARM_TERM_DIRECTORY_PATH}`, { method: 'POST', headers }))

beforeAll(async () => {
  process.env[INTERNAL_TOKEN_ENV] = TOKEN
  payload = await getTestPayload()
  const seed = await readSeedDocuments()
  await importTermDocuments(payload, seed.slice(0, 3), { status: 'published' })
  await importTermDocuments(payload, seed.slice(3, 4), { status: 'draft' })
}, 60_000)

describe('the term directory warm-up', () => {
  it('answers 404 to anyone without the internal token of this process', async () => {
    expect((await warmUp()).status).toBe(404)
    expect((await warmUp({ [INTERNAL_TOKEN_HEADER]: 'guess' })).status).toBe(404)
    expect((await warmUp({ [INTERNAL_TOKEN_HEADER]: `${TOKEN}x` })).status).toBe(404)
  })

  it('reads every published term, and no draft, into the directory search uses', async () => {
    const answer = await warmUp({ [INTERNAL_TOKEN_HEADER]: TOKEN })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('cache-control')).toBe('no-store')
    expect(await answer.json()).toEqual({ terms: 3 })
    expect((await getTermSearchIndex()).size).toBe(3)
  })
})
