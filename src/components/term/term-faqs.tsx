// The term's frequently asked questions, each a disclosure with its rich-text answer.
import { RichText } from '@payloadcms/richtext-lexical/react'

import type { FaqView } from '@/site-data/term-view'

import { TermSection } from './term-section'

export function TermFaqs({ faqs }: { faqs: readonly FaqView[] }) {
  if (faqs.length === 0) return null
  return (
    <TermSection id="faqs" title="Frequently asked questions">
      <div className="divide-y divide-line rounded-xl border border-line bg-surface">
        {faqs.map((faq) => (
          <details key={faq.id} className="group px-4 py-3">
            <summary className="cursor-pointer font-semibold marker:text-accent">{faq.question}</summary>
            <div className="prose-term mt-2 text-ink">
              <RichText data={faq.answer} />
            </div>
          </details>
        ))}
      </div>
    </TermSection>
  )
}
