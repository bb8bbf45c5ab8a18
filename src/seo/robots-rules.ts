// What crawlers may fetch: the public site, not the admin, the API or the preview routes.
import type { MetadataRoute } from 'next'

import { absoluteUrl } from '../routes/site-url'

export const CRAWLER_DISALLOWED_PATHS = ['/admin', '/api', '/next'] as const

export function robotsRules(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: [...CRAWLER_DISALLOWED_PATHS] }],
    sitemap: absoluteUrl('/sitemap.xml'),
  }
}
