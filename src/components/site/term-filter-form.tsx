// Filters as a plain GET form, so they work without JavaScript and every filtered view has its own URL.
import type { FilterField, FilterOption, TermFilters } from '@/site-data/term-filters'

import { AutoSubmitOnChange } from './auto-submit-on-change'

const LABELS: Record<FilterField, string> = { category: 'Category', difficulty: 'Difficulty', provider: 'Provider' }

function FilterSelect({
  field,
  selected,
  options,
}: {
  field: FilterField
  selected: string | undefined
  options: readonly FilterOption[]
}) {
  const id = `filter-${field}`
  return (
    <div className="flex min-w-40 flex-1 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-semibold text-muted">
        {LABELS[field]}
      </label>
      <select
        id={id}
        name={field}
        defaultValue={selected ?? ''}
        className="h-10 rounded-lg border border-line bg-surface px-2 text-ink"
      >
        <option value="">All</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.count === undefined ? option.label : `${option.label} (${option.count})`}
          </option>
        ))}
      </select>
    </div>
  )
}

const SELECTED: Record<FilterField, keyof TermFilters> = {
  category: 'categories',
  difficulty: 'difficulties',
  provider: 'providers',
}

export function TermFilterForm({
  action,
  filters,
  options,
}: {
  action: string
  filters: TermFilters
  /** The fields the form offers, in order, with their choices. */
  options: Partial<Record<FilterField, readonly FilterOption[]>>
}) {
  const fields = (Object.keys(LABELS) as FilterField[]).filter((field) => options[field])
  return (
    <form
      action={action}
      method="get"
      className="card no-print mb-6 flex flex-wrap items-end gap-4"
      aria-label="Filters"
    >
      <AutoSubmitOnChange />
      {fields.map((field) => (
        <FilterSelect key={field} field={field} selected={filters[SELECTED[field]][0]} options={options[field]!} />
      ))}
      <div className="flex gap-2">
        <button type="submit" className="h-10 rounded-lg bg-accent px-4 font-semibold text-on-accent hover:opacity-90">
          Apply
        </button>
        <a
          href={action}
          className="inline-flex h-10 items-center rounded-lg border border-line px-4 text-ink no-underline hover:bg-sunken"
        >
          Clear
        </a>
      </div>
    </form>
  )
}
