import { describe, expect, it } from 'vitest'

import { auditExportQuery } from '@/audit/audit-export-query'

describe('audit export query', () => {
  it('selects everything when nothing is asked', () => {
    expect(auditExportQuery({ format: 'csv' })).toEqual({ ok: true, where: {} })
  })

  it('combines the shorthand parameters', () => {
    expect(
      auditExportQuery({
        action: 'publish',
        actor: 'u1',
        targetCollection: 'terms',
        from: '2026-01-01',
        to: '2026-01-31T23:59:59Z',
      }),
    ).toEqual({
      ok: true,
      where: {
        and: [
          { action: { equals: 'publish' } },
          { actor: { equals: 'u1' } },
          { targetCollection: { equals: 'terms' } },
          { createdAt: { greater_than_equal: '2026-01-01T00:00:00.000Z' } },
          { createdAt: { less_than_equal: '2026-01-31T23:59:59.000Z' } },
        ],
      },
    })
  })

  it('matches an actor given by email on the recorded label', () => {
    expect(auditExportQuery({ actor: 'editor@cloudlex.test' })).toEqual({
      ok: true,
      where: { and: [{ actorLabel: { equals: 'editor@cloudlex.test' } }] },
    })
  })

  it('keeps a where query as Payload parsed it, or as JSON', () => {
    const where = { action: { in: ['login', 'failed-login'] } }
    expect(auditExportQuery({ where })).toEqual({ ok: true, where: { and: [where] } })
    expect(auditExportQuery({ where: JSON.stringify(where) })).toEqual({ ok: true, where: { and: [where] } })
  })

  it('refuses dates it cannot read and where that is not JSON', () => {
    expect(auditExportQuery({ from: 'last tuesday' })).toEqual({
      ok: false,
      message: '"from" must be a date such as 2026-01-31 or 2026-01-31T12:00:00Z.',
    })
    expect(auditExportQuery({ where: '{nope' })).toEqual({ ok: false, message: '"where" is not valid JSON.' })
  })
})
