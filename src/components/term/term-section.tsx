// A titled section of the term page; the heading's id names the section for assistive technology.
import type { ReactNode } from 'react'

export function TermSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="my-10">
      <h2 id={id} className="mb-3">
        {title}
      </h2>
      {children}
    </section>
  )
}
