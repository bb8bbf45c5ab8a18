// Maps a stored term (depth 1) back to the seed format's document: what export writes.
import { isNoServiceMarker } from '@/content-format/parse'
import type { TermDocument } from '@/content-format/types'
import { populated, populatedList } from '@/lib/relations'
import type { Term } from '@/payload-types'

import { richTextToPlainText } from './rich-text'

const oneLine = (text: string) => text.replace(/\s*\n+\s*/g, ' ').trim()

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
    relatedTerms: [
      ...populatedList(term.relatedTerms).map((related) => related.title),
      ...(term.pendingRelatedTerms ?? []),
    ],
    seeAlso: (term.seeAlso ?? []).flatMap((row) => {
      const linked = populated(row.term)
      const name = linked?.title ?? row.label ?? null
      return name ? [name] : []
    }),
  }
}
