// Running text with glossary mentions turned into links that preview the term on hover and focus.
import { useId } from 'react'

import type { TermLinker, TextSegment } from '@/lib/auto-link'

function TermMention({ segment }: { segment: Required<TextSegment> }) {
  const previewId = useId()
  return (
    <span className="group relative">
      <a href={`/terms/${segment.term.slug}`} aria-describedby={previewId} data-auto-link={segment.term.slug}>
        {segment.text}
      </a>
      <span
        role="tooltip"
        id={previewId}
        className="no-print pointer-events-none absolute bottom-full left-0 z-20 mb-2 hidden w-72 rounded-lg border border-line bg-surface p-3 text-sm leading-snug font-normal text-ink shadow-lg group-focus-within:block group-hover:block"
      >
        <strong className="block">{segment.term.title}</strong>
        {segment.term.summary}
      </span>
    </span>
  )
}

export function LinkedText({ text, linker }: { text: string; linker: TermLinker }) {
  return (
    <>
      {linker.link(text).map((segment, index) =>
        segment.term ? (
          <TermMention key={index} segment={segment as Required<TextSegment>} />
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  )
}
