// The site-wide search form. It submits to /search, so it works without JavaScript.
export function SearchBox({
  id = 'site-search',
  label = 'Site search',
  defaultValue = '',
}: {
  id?: string
  /** Names the search landmark; each search form on a page needs its own. */
  label?: string
  defaultValue?: string
}) {
  return (
    <form action="/search" method="get" role="search" aria-label={label} className="relative w-full">
      <label htmlFor={id} className="sr-only">
        Search terms
      </label>
      <input
        id={id}
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder="Search terms, services…"
        autoComplete="off"
        className="h-10 w-full rounded-lg border border-line bg-surface px-3 text-base text-ink placeholder:text-muted"
      />
    </form>
  )
}
