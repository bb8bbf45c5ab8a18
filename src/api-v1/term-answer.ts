// A published term document (read at depth 1 by src/site-data/terms.ts) in its v1 shape. Links to
// documents the public may not see arrive unpopulated and are left out, as on the site.
import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

import { richTextToPlainText } from '@/content-format/rich-text'
import { populated, populatedList } from '@/fields/relations'
import { termPath } from '@/routes/site-routes'
import { toTermView } from '@/site-data/term-view'
import type { Term } from '@/payload-types'

import type { V1Term } from './term-schema'

function richText(state: unknown): { html: string; text: string } | null {
  if (!state || typeof state !== 'object' || !('root' in state)) return null
  return {
    html: convertLexicalToHTML({ data: state as SerializedEditorState, disableContainer: true }),
    text: richTextToPlainText(state),
  }
}

export function termAnswer(term: Term): V1Term {
  const view = toTermView(term)
  return {
    id: view.id,
    slug: view.slug,
    title: view.title,
    definition: view.definition,
    analogy: view.analogy,
    body: richText(term.body),
    difficulty: view.difficulty,
    category: view.category,
    aliases: view.aliases,
    providerEquivalents: view.providerEquivalents.map(({ provider, service, matchLevel, note, docUrl }) => ({
      provider: { slug: provider.slug, name: provider.name, fullName: provider.fullName ?? null },
      service,
      matchLevel,
      keyDifference: note,
      docUrl,
    })),
    useCases: view.useCases.map(({ organization, scenario, solution, outcome }) => ({
      organization,
      scenario,
      solution,
      outcome: outcome ?? null,
    })),
    faqs: populatedList(term.faqs).map((faq) => ({
      question: faq.question,
      answer: richText(faq.answer) ?? { html: '', text: '' },
    })),
    relatedTerms: populatedList(term.relatedTerms).map(({ slug, title, definition }) => ({ slug, title, definition })),
    seeAlso: (term.seeAlso ?? []).flatMap((row): V1Term['seeAlso'] => {
      const linked = populated(row.term)
      if (linked) return [{ label: row.label || linked.title, term: linked.slug, url: termPath(linked.slug) }]
      const outside = view.seeAlso.find((link) => link.external && link.href === row.url)
      return outside ? [{ label: outside.label, term: null, url: outside.href }] : []
    }),
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
  }
}
