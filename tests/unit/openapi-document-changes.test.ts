// The change feed in the v1 OpenAPI document: both endpoints with every answer they give, the item and
// page schemas named, and the document still valid OpenAPI 3.1.
import { Validator } from '@seriousme/openapi-schema-validator'
import { describe, expect, it } from 'vitest'

import { openApiDocument } from '@/api-v1/openapi-document'

describe('the change feed in the OpenAPI document', () => {
  it('keeps the document valid OpenAPI 3.1', async () => {
    const result = await new Validator().validate(structuredClone(openApiDocument) as never)
    expect(result.errors ?? []).toEqual([])
  })

  it('describes every answer of the feed and of its stream, with the consumer’s contract', () => {
    const feed = openApiDocument.paths!['/changes']!.get!
    expect(Object.keys(feed.responses!)).toEqual(['200', '304', '400', '410'])
    expect(feed.parameters!.map((parameter) => ('name' in parameter ? parameter.name : null))).toEqual([
      'since',
      'limit',
      'if-none-match',
    ])
    expect(feed.description).toMatch(/unpublished.*deleted.*drop/)
    expect(feed.description).toMatch(/at least once/)
    const stream = openApiDocument.paths!['/changes/stream']!.get!
    expect(Object.keys(stream.responses!)).toEqual(['200', '400', '410', '503'])
    expect(Object.keys((stream.responses!['200'] as { content: object }).content)).toEqual(['text/event-stream'])
    expect(stream.description).toMatch(/Last-Event-ID/)
  })

  it('names the item and page schemas, with the fields a consumer keys on', () => {
    const schemas = openApiDocument.components!.schemas!
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(['Change', 'ChangePage']))
    const change = schemas.Change as { required: string[]; properties: Record<string, { enum?: string[] }> }
    expect(change.required).toEqual(['collection', 'id', 'slug', 'change', 'at'])
    expect(change.properties.change!.enum).toEqual(['published', 'updated', 'unpublished', 'deleted'])
    expect(change.properties.collection!.enum).toEqual(['terms', 'categories', 'providers'])
  })
})
