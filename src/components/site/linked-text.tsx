// Running text with glossary mentions turned into links that preview the term on hover and focus.
// The page also renders <DismissiblePreviews /> so Escape can hide a preview.
import { useId } from 'react'

import type { TermLinker, TextSegment } from '@/site-data/auto-link'
import { termPath } from '@/routes/site-routes'

function TermMention({ segment }: { segment: Required<TextSegment> }) {
  const previewId = useId()
  return (
    <span className="group relative" data-term-mention>
      <a href={termPath(segment.term.slug)} aria-describedby={previewId} data-auto-link={segment.term.slug}>
        {segment.text}
      </a>
      {/* The padding, not a margin, spaces the card from the link, so the pointer can cross to it and stay. */}
      <span
        role="tooltip"
        id={previewId}
        className="no-print absolute bottom-full left-0 z-20 hidden w-72 pb-2 group-focus-within:block group-hover:block group-data-dismissed:hidden!"
      >
        <span className="block rounded-lg border border-line bg-surface p-3 text-sm leading-snug font-normal text-ink shadow-lg">
          <strong className="block">{segment.term.title}</strong>
          {segment.term.summary}
        </span>
      </span>
    </span>
  )
}

export function LinkedText({ text, linker }: { text: string; linker: TermLinker }) {
  return (
    <>
      {linker
        .link(text)
        .map((segment, index) =>
          segment.term ? (
            <TermMention key={index} segment={segment as Required<TextSegment>} />
          ) : (
            <span key={index}>{segment.text}</span>
          ),
        )}
    </>
  )
}
