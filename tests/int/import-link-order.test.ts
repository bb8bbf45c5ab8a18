// Related Terms and See Also keep the order an entry wrote them in, through import and export, when the
// terms they name arrive later: in a later batch of the same import or in a later import.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { parseTermDocument } from '@/content-format/parse'
import type { TermDocument } from '@/content-format/types'
import { exportTerms, type ExportStatus } from '@/content-transfer/export-terms'
import { importTermBatches, importTermDocuments } from '@/content-transfer/import-terms'

import { getTestPayload } from './support/harness'
import { termEntry } from './support/term-entries'

let payload: Payload

beforeAll(async () => {
  payload = await getTestPayload()
})

const entryNamed = (title: string, relatedTerms: string[] = [], seeAlso: string[] = []): TermDocument =>
  termEntry(title, { relatedTerms, seeAlso })

async function exportedEntry(slug: string, status: ExportStatus = 'published'): Promise<TermDocument> {
  const exported = (await exportTerms(payload, status)).find((term) => term.slug === slug)
  if (!exported || !('text' in exported)) throw new Error(`${slug} was not exported: ${JSON.stringify(exported)}`)
  const parsed = parseTermDocument(exported.text)
  if (!parsed.ok) throw new Error(`the export of ${slug} does not parse: ${JSON.stringify(parsed.problems)}`)
  return parsed.document
}

const published = { status: 'published' } as const

describe('related terms and see also named before their terms exist', () => {
  it('keep the written order when the named terms arrive in a later import', async () => {
    await importTermDocuments(payload, [entryNamed('Bravo Store')], published)
    const alpha = entryNamed(
      'Alpha Gate',
      ['Charlie Queue', 'Bravo Store', 'Delta Mesh'],
      ['Delta Mesh', 'Bravo Store', 'Charlie Queue'],
    )
    const first = await importTermDocuments(payload, [alpha], published)
    expect(first.unresolved).toEqual([
      { slug: 'alpha-gate', names: ['Charlie Queue', 'Delta Mesh', 'Delta Mesh', 'Charlie Queue'] },
    ])
    const waiting = await exportedEntry('alpha-gate', 'all')
    expect([waiting.relatedTerms, waiting.seeAlso]).toEqual([alpha.relatedTerms, alpha.seeAlso])

    const rest = await importTermDocuments(payload, [entryNamed('Charlie Queue'), entryNamed('Delta Mesh')], published)
    expect(rest.linked).toEqual(['alpha-gate'])
    const linked = await exportedEntry('alpha-gate')
    expect([linked.relatedTerms, linked.seeAlso]).toEqual([alpha.relatedTerms, alpha.seeAlso])
  })

  it('keep the written order when the named terms arrive in a later batch of the same import', async () => {
    const echo = entryNamed('Echo Vault', ['Golf Relay', 'Foxtrot Index', 'Hotel Cache'], ['Hotel Cache', 'Golf Relay'])
    const report = await importTermBatches(
      payload,
      [[entryNamed('Foxtrot Index')], [echo], [entryNamed('Golf Relay')], [entryNamed('Hotel Cache')]],
      published,
    )
    expect(report.unresolved).toEqual([])
    expect(report.created).toEqual(['foxtrot-index', 'echo-vault', 'golf-relay', 'hotel-cache'])
    const exported = await exportedEntry('echo-vault')
    expect([exported.relatedTerms, exported.seeAlso]).toEqual([echo.relatedTerms, echo.seeAlso])
    const stored = await payload.find({ collection: 'terms', where: { slug: { equals: 'echo-vault' } }, depth: 0 })
    expect(stored.docs[0]?.pendingRelatedTerms ?? []).toEqual([])
  })

  it('complete the links of a term created earlier in the import in place: one version, an audit entry and a change-log row', async () => {
    const india = entryNamed('India Broker', ['Juliet Stream', 'Kilo Ledger'], ['Kilo Ledger'])
    await importTermBatches(payload, [[india], [entryNamed('Juliet Stream')], [entryNamed('Kilo Ledger')]], published)
    const exported = await exportedEntry('india-broker')
    expect([exported.relatedTerms, exported.seeAlso]).toEqual([india.relatedTerms, india.seeAlso])

    const term = (await payload.find({ collection: 'terms', where: { slug: { equals: 'india-broker' } }, depth: 0 }))
      .docs[0]!
    const versions = await payload.findVersions({
      collection: 'terms',
      where: { parent: { equals: term.id } },
      depth: 0,
    })
    expect(versions.totalDocs).toBe(1)
    const audit = await payload.find({
      collection: 'audit-log',
      where: { targetId: { equals: String(term.id) } },
      sort: 'createdAt',
      depth: 0,
    })
    expect(audit.docs.map((entry) => [entry.action, entry.note ?? null])).toEqual([
      ['create', 'Published on creation.'],
      ['update', 'Linked the related and see-also names that arrived later in the same import.'],
    ])
    expect(audit.docs[1]!.changedFields).toEqual(['relatedTerms', 'pendingRelatedTerms', 'seeAlso'])
    const changes = await payload.find({
      collection: 'content-changes',
      where: { documentId: { equals: String(term.id) } },
      depth: 0,
    })
    expect(changes.totalDocs).toBe(2) // created, then linked
  })

  it('leave a term an editor changed during the import to the final pass, which writes its links as an edit', async () => {
    const lima = entryNamed('Lima Gateway', ['Mike Cluster'])
    async function* batches() {
      yield [lima]
      const created = (
        await payload.find({ collection: 'terms', where: { slug: { equals: 'lima-gateway' } }, depth: 0 })
      ).docs[0]!
      await new Promise((resolve) => setTimeout(resolve, 5)) // a later updatedAt than createdAt
      await payload.update({
        collection: 'terms',
        id: created.id,
        data: { analogy: 'Like a note an editor added while the import ran.' },
      })
      yield [entryNamed('Mike Cluster')]
    }
    await importTermBatches(payload, batches(), published)
    const term = (await payload.find({ collection: 'terms', where: { slug: { equals: 'lima-gateway' } }, depth: 0 }))
      .docs[0]!
    expect(term.analogy).toBe('Like a note an editor added while the import ran.')
    expect((await exportedEntry('lima-gateway')).relatedTerms).toEqual(['Mike Cluster'])
    const audit = await payload.find({
      collection: 'audit-log',
      where: { targetId: { equals: String(term.id) } },
      depth: 0,
    })
    expect(
      audit.docs.some(
        (entry) => entry.note === 'Linked the related and see-also names that arrived later in the same import.',
      ),
    ).toBe(false)
  })
})
