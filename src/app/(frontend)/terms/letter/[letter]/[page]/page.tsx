import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { parsePageNumber } from '@/site-data/pagination'
import { letterFromSegment } from '@/routes/site-routes'

import { letterIndexMetadata, LetterIndexView } from '../../../letter-index-view'

type Args = { params: Promise<{ letter: string; page: string }> }

/** Rendered on first request, then served from the rendering cache (no page is built ahead). */
export function generateStaticParams(): { letter: string; page: string }[] {
  return []
}

async function pageOf(params: Args['params']) {
  const { letter, page } = await params
  const parsed = { letter: letterFromSegment(letter), page: parsePageNumber(page) }
  // Page 1 lives at the letter's own address (next.config.mjs redirects /…/1 there).
  return parsed.letter && parsed.page && parsed.page > 1 ? { letter: parsed.letter, page: parsed.page } : notFound()
}

export async function generateMetadata({ params }: Args): Promise<Metadata> {
  const { letter, page } = await pageOf(params)
  return letterIndexMetadata(letter, page)
}

export default async function LetterPageN({ params }: Args) {
  const { letter, page } = await pageOf(params)
  return <LetterIndexView letter={letter} page={page} />
}
