// One page of a category's terms, shared by /categories/<slug> and /categories/<slug>/<n>. Rendered once
// and served from the rendering cache until a term filed under the category, or the category, changes.
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { Breadcrumbs } from '@/components/site/breadcrumbs'
import { JsonLd } from '@/components/site/json-ld'
import { PaginationNav } from '@/components/site/pagination-nav'
import { TermEntryList } from '@/components/site/term-index-entries'
import { categoryBreadcrumbs } from '@/seo/breadcrumbs'
import { categoryPageMetadata } from '@/seo/page-metadata'
import { pageCount, pageRange } from '@/site-data/pagination'
import { categoryPath, compareCategoryPath } from '@/routes/site-routes'
import { categoryPageStructuredData } from '@/seo/structured-data'
import { findCategoryBySlug, getCategoryTerms } from '@/site-data/taxonomy'

/** The category and its page of terms, or a 404 for an unknown category or a page past the last. */
async function readCategoryPage(slug: string, page: number) {
  const category = await findCategoryBySlug(slug)
  if (!category) notFound()
  const terms = await getCategoryTerms(category, page)
  // A category with no published term has no page (it is not listed anywhere either).
  if (terms.total === 0 || page > pageCount(terms.total, terms.perPage)) notFound()
  return { category, terms }
}

export async function categoryViewMetadata(slug: string, page: number): Promise<Metadata> {
  const { category, terms } = await readCategoryPage(slug, page)
  return categoryPageMetadata({ ...category, termCount: terms.total }, page)
}

export async function CategoryView({ slug, page }: { slug: string; page: number }) {
  const { category, terms } = await readCategoryPage(slug, page)
  const pages = pageCount(terms.total, terms.perPage)
  const { first, last } = pageRange(page, terms.total, terms.perPage)
  return (
    <>
      <JsonLd data={categoryPageStructuredData(category)} />
      <Breadcrumbs trail={categoryBreadcrumbs(category)} />
      <h1>{category.name}</h1>
      {category.description ? <p className="mt-2 max-w-3xl text-lg text-muted">{category.description}</p> : null}
      <p className="mt-2 mb-6">
        {pages > 1 ? `${first}–${last} of ${terms.total} terms` : `${terms.total} terms`} ·{' '}
        <a href={compareCategoryPath(category.slug)}>Compare providers for this category</a>
      </p>
      <TermEntryList entries={terms.items} headingLevel="h2" />
      <PaginationNav
        page={page}
        pageCount={pages}
        href={(n) => categoryPath(category.slug, n)}
        label={`Pages of ${category.name}`}
      />
    </>
  )
}
