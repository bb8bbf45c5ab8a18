// The hostile-input corpus and its answer rules (tests/e2e/support/hostile), without a server.
import { createHash } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { DRAFT_MARKER, type CorpusContext, type HostileCase } from '../e2e/support/hostile/cases'
import { checkResponse, type ObservedResponse } from '../e2e/support/hostile/checks'
import { generateCorpus } from '../e2e/support/hostile/corpus'

const context: CorpusContext = {
  targets: { publishedTerm: '11', othersDraftTerm: '12', othersUseCase: '13' },
  previewSecret: 'secret',
}
const base = 'http://127.0.0.1:3321'
const read: HostileCase = {
  id: 1,
  surface: 'rest-read',
  actor: 'anonymous',
  request: { method: 'GET', path: '/api/terms?limit=1' },
}
const answer = (overrides: Partial<ObservedResponse>): ObservedResponse => ({
  status: 200,
  contentType: 'application/json',
  location: null,
  bodyStart: '{"docs":[]}',
  ...overrides,
})

describe('the hostile corpus', () => {
  const corpus = generateCorpus(42, 10_000, context)

  it('is the same for the same seed and different for another', () => {
    const fingerprint = (cases: HostileCase[]) => createHash('sha256').update(JSON.stringify(cases)).digest('hex')
    const first = corpus.slice(0, 2_000)
    expect(fingerprint(generateCorpus(42, 2_000, context))).toBe(fingerprint(first))
    expect(fingerprint(generateCorpus(43, 2_000, context))).not.toBe(fingerprint(first))
  }, 30_000)

  it('covers every surface and aims forbidden writes at the prepared documents only', () => {
    expect(new Set(corpus.map((hostileCase) => hostileCase.surface))).toEqual(
      new Set(['rest-read', 'rest-body', 'rest-write', 'graphql', 'headers', 'site']),
    )
    const writes = corpus.filter((hostileCase) => hostileCase.targets)
    expect(writes.length).toBeGreaterThan(1_000)
    for (const write of writes) expect(['11', '12', '13']).toEqual(expect.arrayContaining(write.targets!))
  })

  it('never lets a reviewer write anything but a publish, an unpublish or a delete', () => {
    const reviewerBodies = corpus.filter((hostileCase) => hostileCase.actor === 'reviewer' && hostileCase.request.body)
    expect(reviewerBodies.length).toBeGreaterThan(100)
    for (const { request } of reviewerBodies) expect(request.body).toMatch(/_status|workflowStage|deleteTerm/)
  })

  it('sends operator injection in where, huge limits and depths, and preview links that point off the site', () => {
    const paths = corpus.map((hostileCase) => hostileCase.request.path).join('\n')
    for (const sample of [
      '[like]=',
      '[exists]=',
      '[near]=',
      '[or]',
      'depth=99',
      'limit=100000',
      '/next/preview?path=%2F%2Fevil.example',
    ]) {
      expect(paths).toContain(sample)
    }
  })
})

describe('the hostile answer rules', () => {
  it('accept a 2xx, a same-site redirect and a 4xx that says what is wrong', () => {
    expect(checkResponse(read, answer({}), base)).toEqual({ ok: true })
    expect(checkResponse(read, answer({ status: 307, location: '/terms/cloudtrail' }), base)).toEqual({ ok: true })
    expect(
      checkResponse(read, answer({ status: 400, bodyStart: '{"errors":[{"message":"bad where"}]}' }), base),
    ).toEqual({ ok: true })
    expect(checkResponse(read, answer({ status: 431, bodyStart: '' }), base)).toEqual({ ok: true })
    const problemDetails =
      '{"type":"urn:cloudlex:problem:not-found","title":"Not found","status":404,"detail":"No published term has the slug \\"x\\"."}'
    expect(
      checkResponse(
        read,
        answer({ status: 404, contentType: 'application/problem+json', bodyStart: problemDetails }),
        base,
      ),
    ).toEqual({ ok: true })
  })

  it('refuse a 5xx, a redirect off the site, a silent 4xx and draft text shown to an anonymous caller', () => {
    const problems = [
      answer({ status: 500 }),
      answer({ status: 307, location: '//evil.example/x' }),
      answer({ status: 400, bodyStart: '' }),
      answer({ status: 404, bodyStart: '{}' }),
      answer({ bodyStart: `{"docs":[{"definition":"${DRAFT_MARKER}"}]}` }),
      answer({ bodyStart: '{"docs":[{"email":"a@b.c","hash":"x"}]}' }),
    ].map((response) => checkResponse(read, response, base))
    expect(problems.every((outcome) => !outcome.ok)).toBe(true)
  })

  it('refuse an anonymous write that was accepted, but not a GraphQL refusal or a login attempt', () => {
    const post = (path: string): HostileCase => ({ ...read, request: { method: 'POST', path } })
    expect(checkResponse(post('/api/terms'), answer({ status: 201, bodyStart: '{"doc":{"id":"1"}}' }), base).ok).toBe(
      false,
    )
    expect(checkResponse(post('/api/terms'), answer({ status: 200, bodyStart: '{}' }), base).ok).toBe(true)
    expect(
      checkResponse(post('/api/graphql'), answer({ bodyStart: '{"errors":[{"message":"Forbidden"}]}' }), base).ok,
    ).toBe(true)
    expect(
      checkResponse(post('/api/users/forgot-password'), answer({ bodyStart: '{"message":"Success"}' }), base).ok,
    ).toBe(true)
  })
})
