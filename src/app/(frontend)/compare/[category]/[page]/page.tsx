import type { Metadata } from 'next'

import { NO_TERM_FILTERS } from '@/site-data/term-filters'

import { laterPageNumber } from '../../../later-page'
import { compareViewMetadata, CompareView } from '../../compare-view'

type Args = { params: Promise<{ category: string; page: string }> }

/** Rendered on first request, then served from the rendering cache (no page is built ahead). */
export function generateStaticParams(): { category: string; page: string }[] {
  return []
}

async function selectionOf(params: Args['params']) {
  const { category, page } = await params
  return { categorySlug: category, page: laterPageNumber(page), filters: NO_TERM_FILTERS }
}

export async function generateMetadata({ params }: Args): Promise<Metadata> {
  return compareViewMetadata(await selectionOf(params))
}

export default async function CompareCategoryPageN({ params }: Args) {
  return <CompareView selection={await selectionOf(params)} />
}
