import { toHighlightRuns, type TextRange } from '@/search/highlight'

/** Text with the search matches wrapped in <mark>, coloured from the design tokens in both themes. */
export function HighlightedText({ text, ranges }: { text: string; ranges: readonly TextRange[] }) {
  return (
    <>
      {toHighlightRuns({ text, ranges: [...ranges] }).map((run, position) =>
        run.marked ? (
          <mark key={position} className="rounded-sm bg-accent-soft px-0.5 font-semibold text-ink">
            {run.text}
          </mark>
        ) : (
          run.text
        ),
      )}
    </>
  )
}
