// The demo content in seed/: enough terms, linked into a graph, each readable in the seed format.
import path from 'node:path'

import { beforeAll, describe, expect, it } from 'vitest'

import { readTermFiles } from '@/content-format/read-term-files'
import { parseTermDocument } from '@/content-format/parse'
import { serializeTermDocument } from '@/content-format/serialize'
import { slugify } from '@/content-format/slugify'
import type { TermDocument } from '@/content-format/types'

const seedTerms = path.resolve(import.meta.dirname, '../../seed/terms')
let documents: { file: string; document: TermDocument }[] = []

beforeAll(async () => {
  const files = await readTermFiles([seedTerms])
  documents = files.map(({ file, result }) => {
    if (!result.ok) throw new Error(`${file}: ${result.problems.map((p) => `${p.line}: ${p.message}`).join('; ')}`)
    return { file, document: result.document }
  })
})

describe('seed/terms', () => {
  it('holds the CloudTrail entry and at least 40 more terms', () => {
    expect(documents.map(({ document }) => document.slug)).toContain('cloudtrail')
    expect(documents.length).toBeGreaterThanOrEqual(41)
  })

  it('spreads the terms over at least 8 categories', () => {
    expect(new Set(documents.map(({ document }) => document.category)).size).toBeGreaterThanOrEqual(8)
  })

  it('names each file after the slug of its title', () => {
    for (const { file, document } of documents) expect(path.basename(file, '.txt')).toBe(slugify(document.title))
  })

  it('gives every term the four major providers, use cases and FAQs', () => {
    for (const { document } of documents) {
      expect(
        document.providerEquivalents.map((row) => row.provider),
        document.slug,
      ).toEqual(['AWS', 'Azure', 'GCP', 'OCI'])
      expect(document.useCases.length, document.slug).toBeGreaterThanOrEqual(2)
      expect(document.faqs.length, document.slug).toBeGreaterThanOrEqual(2)
    }
  })

  it('links terms into a graph whose every related name is another seed term', () => {
    const titles = new Set(documents.map(({ document }) => document.title))
    const linkedTo = new Set<string>()
    for (const { document } of documents) {
      for (const name of [...document.relatedTerms, ...document.seeAlso]) {
        expect(titles.has(name), `${document.slug} links to unknown "${name}"`).toBe(true)
        expect(name, `${document.slug} links to itself`).not.toBe(document.title)
        linkedTo.add(name)
      }
    }
    expect(linkedTo.size).toBeGreaterThanOrEqual(documents.length - 1)
  })

  it('reads back the same from its own serialization (round trip)', () => {
    for (const { document } of documents) {
      expect(parseTermDocument(serializeTermDocument(document))).toEqual({ ok: true, document })
    }
  })
})
