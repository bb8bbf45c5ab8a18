import type { Metadata } from 'next'
import Link from 'next/link'

import { Breadcrumbs } from '@/components/site/breadcrumbs'
import { getSiteContent } from '@/lib/site-content'

export const metadata: Metadata = {
  title: 'Categories',
  description: 'Cloud-computing terms by category: security, storage, networking, compute and more.',
  alternates: { canonical: '/categories' },
}

export default async function CategoryIndexPage() {
  const content = await getSiteContent()
  return (
    <>
      <Breadcrumbs crumbs={[{ label: 'Home', href: '/' }, { label: 'Categories' }]} />
      <h1 className="mb-6">Categories</h1>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {content.categories.map((category) => (
          <li key={category.slug} className="card">
            <h2 className="text-lg">
              <Link href={`/categories/${category.slug}`}>{category.name}</Link>
            </h2>
            <p className="text-sm text-muted">{category.termCount} terms</p>
            {category.description ? <p className="mt-2">{category.description}</p> : null}
          </li>
        ))}
      </ul>
    </>
  )
}
