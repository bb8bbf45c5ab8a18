import type { MetadataRoute } from 'next'

import { robotsRules } from '@/seo/robots-rules'

// Next serves robots.txt only from the app root, not from a route group. The sitemap address comes
// from SERVER_URL at run time.
export const dynamic = 'force-dynamic'

export default function robots(): MetadataRoute.Robots {
  return robotsRules()
}
