import { describe, expect, it } from 'vitest'

import { fragmentCycleErrors } from '@/api-limits/graphql-fragment-cycles'
import {
  graphqlContentTypeProblem,
  isMultipart,
  MAX_MULTIPART_BOUNDARY_LENGTH,
  multipartProblem,
} from '@/api-limits/request-body-shape'

const bytes = (text: string) => new TextEncoder().encode(text)
const FORM = 'multipart/form-data; boundary=abc'
const WELL_FORMED = '--abc\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"name":"x"}\r\n--abc--\r\n'

describe('the Content-Types GraphQL accepts', () => {
  it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON;Charset=UTF-8'])(
    'accepts %s',
    (contentType) => {
      expect(graphqlContentTypeProblem(contentType)).toBeNull()
    },
  )

  it.each([
    'text/plain',
    'application/json; charset=utf-7',
    'application/json;;',
    'application/json, text/plain',
    '../../',
  ])('refuses %s with 415 naming application/json', (contentType) => {
    expect(graphqlContentTypeProblem(contentType)).toMatchObject({
      status: 415,
      message: expect.stringMatching(/accepts application\/json/),
    })
  })

  it('says when there is no Content-Type at all, and shortens a long one', () => {
    expect(graphqlContentTypeProblem(null)?.message).toMatch(/sent no Content-Type/)
    expect(graphqlContentTypeProblem(`text/${'x'.repeat(3000)}`)?.message.length).toBeLessThan(200)
  })
})

describe('the shape of a multipart body', () => {
  it('accepts a well-formed body, with a quoted boundary too', () => {
    expect(multipartProblem(FORM, bytes(WELL_FORMED))).toBeNull()
    expect(multipartProblem('multipart/form-data; boundary="abc"', bytes(WELL_FORMED))).toBeNull()
  })

  it('treats any media type containing multipart/ as multipart, as Payload does', () => {
    expect(isMultipart('multipart/form-data')).toBe(true)
    expect(isMultipart('x-multipart/whatever')).toBe(true)
    expect(isMultipart('application/json')).toBe(false)
    expect(isMultipart(null)).toBe(false)
  })

  it.each([
    ['no boundary', 'multipart/form-data', WELL_FORMED, /no boundary parameter/],
    ['an empty boundary', 'multipart/form-data; boundary=', WELL_FORMED, /no boundary parameter/],
    [
      'an overlong boundary',
      `multipart/form-data; boundary=${'a'.repeat(MAX_MULTIPART_BOUNDARY_LENGTH + 1)}`,
      WELL_FORMED,
      /71 characters long; it may be at most 70/,
    ],
    ['a boundary ending in a space', 'multipart/form-data; boundary="abc "', WELL_FORMED, /ends with a space/],
    ['a JSON body', FORM, '{"title":"x"}', /does not start with its boundary delimiter/],
    ['an empty body', FORM, '', /does not start with its boundary delimiter/],
    ['a body cut short', FORM, WELL_FORMED.slice(0, 40), /no closing delimiter/],
    [
      'a body whose only delimiter is the opening one',
      FORM,
      '--abc--\r\n',
      /does not start with its boundary delimiter/,
    ],
  ])('refuses %s with 400', (_, contentType, body, message) => {
    expect(multipartProblem(contentType, bytes(body))).toMatchObject({
      status: 400,
      message: expect.stringMatching(message),
    })
  })

  it('refuses multipart types other than form-data with 415', () => {
    expect(multipartProblem('multipart/mixed; boundary=abc', bytes(WELL_FORMED))?.status).toBe(415)
  })
})

describe('fragment cycles', () => {
  it('reports a fragment that spreads itself, in graphql’s own words', () => {
    expect(fragmentCycleErrors('fragment A on Term { ...A } { Terms { docs { ...A } } }')).toEqual([
      'Cannot spread fragment "A" within itself.',
    ])
  })

  it('finds nothing in a document without cycles, one that does not parse, or a query that is not a string', () => {
    expect(fragmentCycleErrors('fragment A on Term { id } { Terms { docs { ...A } } }')).toEqual([])
    expect(fragmentCycleErrors('{')).toEqual([])
    expect(fragmentCycleErrors(42)).toEqual([])
  })
})
