// The seeded glossary as search input, read straight from seed/terms, so search tests use real content.
import path from 'node:path'

import { readTermFiles } from '@/content-format/read-term-files'
import type { SearchableTerm } from '@/search/term-search-index'

export async function readSeedSearchTerms(): Promise<SearchableTerm[]> {
  const files = await readTermFiles([path.resolve(import.meta.dirname, '../../../seed/terms')])
  return files.map(({ file, result }) => {
    if (!result.ok) throw new Error(`${file} does not parse`)
    const term = result.document
    return {
      id: term.slug,
      title: term.title,
      slug: term.slug,
      definition: term.definition,
      aliases: [],
      category: { name: term.category, slug: term.category },
      providerEquivalents: term.providerEquivalents.map((row) => ({
        provider: { name: row.provider },
        service: row.service,
      })),
      faqs: term.faqs.map((faq) => ({ question: faq.question, answerText: faq.answer })),
    }
  })
}
