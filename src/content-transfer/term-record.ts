// Maps a stored term (depth 1) back to the seed format's document: what export writes.
import { isNoServiceMarker } from '@/content-format/list-sections'
import type { TermDocument } from '@/content-format/types'
import { populated, populatedList } from '@/fields/relations'
import type { Term } from '@/payload-types'

import { richTextToPlainText } from '../content-format/rich-text'
import { TermNameIndex } from './term-links'

const oneLine = (text: string) => text.replace(/\s*\n+\s*/g, ' ').trim()

/**
 * While some related names wait for their terms, the term keeps the list as written (see term-links):
 * that list, then any link an editor added since. Otherwise the titles of the linked terms.
 */
function relatedNames(term: Term): string[] {
  const related = populatedList(term.relatedTerms)
  const written = term.pendingRelatedTerms ?? []
  if (written.length === 0) return related.map((linked) => linked.title)
  const names = new TermNameIndex()
  for (const linked of related) names.add(linked)
  const given = new Set(written.flatMap((name) => names.resolve(name)?.id ?? []))
  return [...written, ...related.filter((linked) => !given.has(linked.id)).map((linked) => linked.title)]
}

export function termRecordToDocument(term: Term): TermDocument {
  const category = populated(term.category)
  return {
    title: term.title,
    slug: term.slug,
    definition: term.definition,
    analogy: term.analogy?.trim() ? term.analogy.trim() : null,
    useCases: populatedList(term.useCases).map((useCase) => ({
      organization: useCase.organization,
      scenario: oneLine(useCase.scenario),
      solution: oneLine(useCase.solution),
      outcome: useCase.outcome?.trim() ? oneLine(useCase.outcome) : null,
    })),
    providerEquivalents: (term.providerEquivalents ?? []).flatMap((row) => {
      const provider = populated(row.provider)
      if (!provider) return []
      const written = row.service?.trim() ?? ''
      const service = row.matchLevel === 'none' || isNoServiceMarker(written) ? null : written
      return [{ provider: provider.name, service }]
    }),
    faqs: populatedList(term.faqs).map((faq) => ({
      question: oneLine(faq.question),
      answer: oneLine(richTextToPlainText(faq.answer)),
    })),
    category: category ? category.name.toLowerCase() : '',
    difficulty: term.difficulty,
    relatedTerms: relatedNames(term),
    seeAlso: (term.seeAlso ?? []).flatMap((row) => {
      const linked = populated(row.term)
      const name = linked?.title ?? row.label ?? null
      return name ? [name] : []
    }),
  }
}
