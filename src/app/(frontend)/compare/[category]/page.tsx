import type { Metadata } from 'next'

import { NO_TERM_FILTERS } from '@/site-data/term-filters'

import { compareViewMetadata, CompareView } from '../compare-view'

type Args = { params: Promise<{ category: string }> }

/** Rendered on first request, then served from the rendering cache (no page is built ahead). */
export function generateStaticParams(): { category: string }[] {
  return []
}

const selectionOf = async (params: Args['params']) => ({
  categorySlug: (await params).category,
  page: 1,
  filters: NO_TERM_FILTERS,
})

export async function generateMetadata({ params }: Args): Promise<Metadata> {
  return compareViewMetadata(await selectionOf(params))
}

export default async function CompareCategoryPage({ params }: Args) {
  return <CompareView selection={await selectionOf(params)} />
}
