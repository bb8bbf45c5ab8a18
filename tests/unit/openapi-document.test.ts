import { Validator } from '@seriousme/openapi-schema-validator'
import { describe, expect, it } from 'vitest'

import { openApiDocument } from '@/api-v1/openapi-document'

describe('the v1 OpenAPI document', () => {
  it('is valid OpenAPI 3.1 by the official schema', async () => {
    const validator = new Validator()
    const result = await validator.validate(structuredClone(openApiDocument) as never)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
  })

  it('describes every answer of the term endpoint, errors as problem details', () => {
    const operation = openApiDocument.paths!['/terms/{slug}']!.get!
    expect(Object.keys(operation.responses!).sort()).toEqual(['200', '304', '400', '401', '403', '404', '429'])
    expect(Object.keys(openApiDocument.components!.schemas!)).toEqual(
      expect.arrayContaining(['Term', 'TermSummary', 'Problem', 'RichText']),
    )
    const term = openApiDocument.components!.schemas!.Term as {
      required: string[]
      properties: Record<string, unknown>
    }
    expect(term.required).toEqual(expect.arrayContaining(['slug', 'title', 'definition', 'providerEquivalents']))
    expect(Object.keys(term.properties)).not.toContain('workflowStage')
  })
})
