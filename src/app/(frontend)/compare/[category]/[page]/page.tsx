import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { parsePageNumber } from '@/site-data/pagination'
import { NO_TERM_FILTERS } from '@/site-data/term-filters'

import { compareViewMetadata, CompareView } from '../../compare-view'

type Args = { params: Promise<{ category: string; page: string }> }

/** Rendered on first request, then served from the rendering cache (no page is built ahead). */
export function generateStaticParams(): { category: string; page: string }[] {
  return []
}

async function selectionOf(params: Args['params']) {
  const { category, page } = await params
  const number = parsePageNumber(page)
  // Page 1 lives at the category's own address (next.config.mjs redirects /…/1 there).
  return number && number > 1 ? { categorySlug: category, page: number, filters: NO_TERM_FILTERS } : notFound()
}

export async function generateMetadata({ params }: Args): Promise<Metadata> {
  return compareViewMetadata(await selectionOf(params))
}

export default async function CompareCategoryPageN({ params }: Args) {
  return <CompareView selection={await selectionOf(params)} />
}
