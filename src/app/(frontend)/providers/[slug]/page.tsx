import type { Metadata } from 'next'

import { providerViewMetadata, ProviderView } from '../provider-view'

type Args = { params: Promise<{ slug: string }> }

/** Rendered on first request, then served from the rendering cache (no page is built ahead). */
export function generateStaticParams(): { slug: string }[] {
  return []
}

export async function generateMetadata({ params }: Args): Promise<Metadata> {
  return providerViewMetadata((await params).slug, 1)
}

export default async function ProviderPage({ params }: Args) {
  return <ProviderView slug={(await params).slug} page={1} />
}
