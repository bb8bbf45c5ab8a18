// Filters as a plain GET form, so they work without JavaScript and every filtered view has its own URL.
import { DIFFICULTIES } from '@/content-format/types'
import type { SiteContent } from '@/lib/site-content'
import type { TermFilters } from '@/lib/term-filters'

import { AutoSubmitOnChange } from './auto-submit-on-change'
import { difficultyLabel } from './term-badges'

type Field = 'category' | 'difficulty' | 'provider'

function FilterSelect({
  field,
  label,
  selected,
  options,
}: {
  field: Field
  label: string
  selected: string | undefined
  options: { value: string; label: string }[]
}) {
  const id = `filter-${field}`
  return (
    <div className="flex min-w-40 flex-1 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-semibold text-muted">
        {label}
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
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}

export function TermFilterForm({
  action,
  content,
  filters,
  fields,
  countTerms,
}: {
  action: string
  content: Pick<SiteContent, 'categories' | 'providers'>
  filters: TermFilters
  fields: readonly Field[]
  /** How many terms a single filter value alone would show, for the counts in the options. */
  countTerms: (field: Field, value: string) => number
}) {
  return (
    <form action={action} method="get" className="card no-print mb-6 flex flex-wrap items-end gap-4" aria-label="Filters">
      <AutoSubmitOnChange />
      {fields.includes('category') ? (
        <FilterSelect
          field="category"
          label="Category"
          selected={filters.categories[0]}
          options={content.categories.map((category) => ({
            value: category.slug,
            label: `${category.name} (${countTerms('category', category.slug)})`,
          }))}
        />
      ) : null}
      {fields.includes('difficulty') ? (
        <FilterSelect
          field="difficulty"
          label="Difficulty"
          selected={filters.difficulties[0]}
          options={DIFFICULTIES.map((level) => ({
            value: level,
            label: `${difficultyLabel(level)} (${countTerms('difficulty', level)})`,
          }))}
        />
      ) : null}
      {fields.includes('provider') ? (
        <FilterSelect
          field="provider"
          label="Provider"
          selected={filters.providers[0]}
          options={content.providers.map((provider) => ({
            value: provider.slug,
            label: `${provider.fullName} (${countTerms('provider', provider.slug)})`,
          }))}
        />
      ) : null}
      <div className="flex gap-2">
        <button
          type="submit"
          className="h-10 rounded-lg bg-accent px-4 font-semibold text-on-accent hover:opacity-90"
        >
          Apply
        </button>
        <a href={action} className="inline-flex h-10 items-center rounded-lg border border-line px-4 text-ink no-underline hover:bg-sunken">
          Clear
        </a>
      </div>
    </form>
  )
}
