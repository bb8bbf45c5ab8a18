export function TermAnalogy({ analogy }: { analogy: string }) {
  return (
    <aside aria-label="Analogy" className="my-6 rounded-xl border-l-4 border-accent bg-accent-soft px-5 py-4">
      <p className="mb-1 text-sm font-semibold tracking-wide text-ink uppercase">In plain words</p>
      <p>{analogy}</p>
    </aside>
  )
}
