import type { Metadata } from 'next'

import { Breadcrumbs } from '@/components/site/breadcrumbs'
import { categoryIndexBreadcrumbs } from '@/seo/breadcrumbs'
import { categoryIndexMetadata } from '@/seo/page-metadata'
import { categoryPath } from '@/routes/site-routes'
import { getCategories, getCategoryTermCounts } from '@/site-data/taxonomy'

export const metadata: Metadata = categoryIndexMetadata()

export default async function CategoryIndexPage() {
  const [categories, counts] = await Promise.all([getCategories(), getCategoryTermCounts()])
  const listed = categories.filter((category) => (counts[category.id] ?? 0) > 0)
  return (
    <>
      <Breadcrumbs trail={categoryIndexBreadcrumbs()} />
      <h1 className="mb-6">Categories</h1>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {listed.map((category) => (
          <li key={category.slug} className="card">
            <h2 className="text-lg">
              <a href={categoryPath(category.slug)}>{category.name}</a>
            </h2>
            <p className="text-sm text-muted">{counts[category.id]} terms</p>
            {category.description ? <p className="mt-2">{category.description}</p> : null}
          </li>
        ))}
      </ul>
    </>
  )
}
