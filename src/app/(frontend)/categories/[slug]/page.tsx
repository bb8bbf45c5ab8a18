import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { Breadcrumbs } from '@/components/site/breadcrumbs'
import { JsonLd } from '@/components/site/json-ld'
import { TermCard } from '@/components/site/term-card'
import { categoryBreadcrumbs } from '@/lib/breadcrumbs'
import { categoryPageMetadata } from '@/lib/page-metadata'
import { categoryPageStructuredData } from '@/lib/structured-data'
import { getCategoryPage } from '@/lib/taxonomy-pages'

type Args = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Args): Promise<Metadata> {
  const page = await getCategoryPage((await params).slug)
  return page ? categoryPageMetadata(page.category) : { title: 'Category not found' }
}

export default async function CategoryPage({ params }: Args) {
  const page = await getCategoryPage((await params).slug)
  if (!page) notFound()
  const { category, terms } = page
  return (
    <>
      <JsonLd data={categoryPageStructuredData(category)} />
      <Breadcrumbs trail={categoryBreadcrumbs(category)} />
      <h1>{category.name}</h1>
      {category.description ? <p className="mt-2 max-w-3xl text-lg text-muted">{category.description}</p> : null}
      <p className="mt-2 mb-6">
        {terms.length} terms · <a href={`/compare?category=${category.slug}`}>Compare providers for this category</a>
      </p>
      <ul className="grid gap-3 md:grid-cols-2 lg:grid-cols-3">
        {terms.map((term) => (
          <li key={term.slug}>
            <TermCard term={term} headingLevel="h2" />
          </li>
        ))}
      </ul>
    </>
  )
}
