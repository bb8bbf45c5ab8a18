import type { MetadataRoute } from 'next'

import { getSiteContent } from '@/lib/site-content'
import { sitemapEntries } from '@/lib/sitemap-entries'

export const dynamic = 'force-dynamic'

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  return sitemapEntries(await getSiteContent())
}
