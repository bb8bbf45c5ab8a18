// The search form in page content (search page, 404 page): a labelled field and a button, plain HTML.
import { MAX_SEARCH_QUERY_LENGTH } from '@/search/search-text'

export function SearchForm({ id, label, defaultValue = '' }: { id: string; label: string; defaultValue?: string }) {
  return (
    <form
      action="/search"
      method="get"
      role="search"
      aria-label={label}
      className="flex max-w-xl flex-wrap items-end gap-2"
    >
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium text-ink">
          {label}
        </label>
        <input
          id={id}
          name="q"
          type="search"
          defaultValue={defaultValue}
          maxLength={MAX_SEARCH_QUERY_LENGTH}
          autoComplete="off"
          className="h-11 w-full rounded-lg border border-line bg-surface px-3 text-base text-ink"
        />
      </div>
      <button
        type="submit"
        className="h-11 rounded-lg bg-accent px-4 text-base font-semibold text-on-accent hover:opacity-90"
      >
        Search
      </button>
    </form>
  )
}
