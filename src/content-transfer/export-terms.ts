// Reads terms back out in the seed format: published ones as readers see them, or every latest version.
import type { Payload } from 'payload'

import { serializeTermDocument } from '@/content-format/serialize'

import { termRecordToDocument } from './term-record'

export type ExportStatus = 'published' | 'all'

export type ExportedTerm = { slug: string; text: string } | { slug: string; error: string }

export async function exportTerms(payload: Payload, status: ExportStatus): Promise<ExportedTerm[]> {
  // Published export reads as an anonymous visitor, so an unpublished use case, FAQ or related term
  // never leaks into a published file; "all" reads every latest draft with full access.
  const result =
    status === 'published'
      ? await payload.find({
          collection: 'terms',
          overrideAccess: false,
          draft: false,
          depth: 1,
          pagination: false,
          sort: 'slug',
        })
      : await payload.find({ collection: 'terms', draft: true, depth: 1, pagination: false, sort: 'slug' })

  return result.docs.map((term) => {
    try {
      return { slug: term.slug, text: serializeTermDocument(termRecordToDocument(term)) }
    } catch (error) {
      return { slug: term.slug, error: error instanceof Error ? error.message : String(error) }
    }
  })
}
