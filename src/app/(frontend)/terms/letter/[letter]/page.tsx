import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { letterFromSegment } from '@/routes/site-routes'

import { letterIndexMetadata, LetterIndexView } from '../../letter-index-view'

type Args = { params: Promise<{ letter: string }> }

/** Rendered on first request, then served from the rendering cache (no page is built ahead). */
export function generateStaticParams(): { letter: string }[] {
  return []
}

async function letterOf(params: Args['params']) {
  return letterFromSegment((await params).letter) ?? notFound()
}

export async function generateMetadata({ params }: Args): Promise<Metadata> {
  return letterIndexMetadata(await letterOf(params), 1)
}

export default async function LetterPage({ params }: Args) {
  return <LetterIndexView letter={await letterOf(params)} page={1} />
}
