import { ImageResponse } from 'next/og'

import { OG_IMAGE_SIZE, OgCard } from '@/components/site/og-card'
import { firstSentence, toOgText } from '@/seo/og-text'
import { termSummary } from '@/site-data/term-summary'
import { getPublishedTerm } from '@/site-data/terms'

export const alt = 'A Cloudlex glossary entry: the term, its category and the start of its definition'
export const size = OG_IMAGE_SIZE
export const contentType = 'image/png'
export const dynamic = 'force-dynamic'

export default async function TermOpenGraphImage({ params }: { params: Promise<{ slug: string }> }) {
  const term = (await getPublishedTerm((await params).slug))?.view
  if (!term) return new Response('No published term has this address.', { status: 404 })

  return new ImageResponse(
    <OgCard
      eyebrow={toOgText(term.category?.name ?? '', 40)}
      title={toOgText(term.title, 70)}
      text={toOgText(firstSentence(termSummary(term)), 150)}
      footer="Cloud computing, explained"
    />,
    {
      ...size,
      // next/og marks images immutable for a year by default; a term's card changes when the term does.
      headers: { 'cache-control': 'public, max-age=0, must-revalidate' },
    },
  )
}
