import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { parsePageNumber } from '@/site-data/pagination'

import { providerViewMetadata, ProviderView } from '../../provider-view'

type Args = { params: Promise<{ slug: string; page: string }> }

/** Rendered on first request, then served from the rendering cache (no page is built ahead). */
export function generateStaticParams(): { slug: string; page: string }[] {
  return []
}

async function argsOf(params: Args['params']) {
  const { slug, page } = await params
  const number = parsePageNumber(page)
  // Page 1 lives at the provider's own address (next.config.mjs redirects /…/1 there).
  return number && number > 1 ? { slug, page: number } : notFound()
}

export async function generateMetadata({ params }: Args): Promise<Metadata> {
  const { slug, page } = await argsOf(params)
  return providerViewMetadata(slug, page)
}

export default async function ProviderPageN({ params }: Args) {
  const { slug, page } = await argsOf(params)
  return <ProviderView slug={slug} page={page} />
}
