import type { Metadata } from 'next'

import { categoryViewMetadata, CategoryView } from '../category-view'

type Args = { params: Promise<{ slug: string }> }

/** Rendered on first request, then served from the rendering cache (no page is built ahead). */
export function generateStaticParams(): { slug: string }[] {
  return []
}

export async function generateMetadata({ params }: Args): Promise<Metadata> {
  return categoryViewMetadata((await params).slug, 1)
}

export default async function CategoryPage({ params }: Args) {
  return <CategoryView slug={(await params).slug} page={1} />
}
