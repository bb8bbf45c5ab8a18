import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { letterFromSegment } from '@/routes/site-routes'

import { laterPageNumber } from '../../../../later-page'
import { letterIndexMetadata, LetterIndexView } from '../../../letter-index-view'

type Args = { params: Promise<{ letter: string; page: string }> }

/** Rendered on first request, then served from the rendering cache (no page is built ahead). */
export function generateStaticParams(): { letter: string; page: string }[] {
  return []
}

async function pageOf(params: Args['params']) {
  const { letter, page } = await params
  const indexLetter = letterFromSegment(letter)
  return indexLetter ? { letter: indexLetter, page: laterPageNumber(page) } : notFound()
}

export async function generateMetadata({ params }: Args): Promise<Metadata> {
  const { letter, page } = await pageOf(params)
  return letterIndexMetadata(letter, page)
}

export default async function LetterPageN({ params }: Args) {
  const { letter, page } = await pageOf(params)
  return <LetterIndexView letter={letter} page={page} />
}
