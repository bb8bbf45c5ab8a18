import type { Metadata, Viewport } from 'next'
import type React from 'react'

import { SiteFooter } from '@/components/site/site-footer'
import { SiteHeader } from '@/components/site/site-header'
import { APPLY_STORED_THEME_SCRIPT } from '@/components/site/theme'
import { siteUrl } from '@/lib/site-url'

import './styles.css'

// Pages render per request from the cached content snapshot (src/lib/site-content.ts), which is rebuilt
// when published content changes; nothing is frozen at build time.
export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: { default: 'Cloudlex — cloud computing, explained', template: '%s · Cloudlex' },
  description:
    'A glossary of cloud-computing terms with plain-language analogies, real use cases and the matching AWS, Azure, Google Cloud and OCI services.',
  applicationName: 'Cloudlex',
  alternates: {
    types: { 'application/atom+xml': '/feed.xml', 'application/feed+json': '/feed.json' },
  },
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f7f8fa' },
    { media: '(prefers-color-scheme: dark)', color: '#0e1420' },
  ],
}

export default function FrontendLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: APPLY_STORED_THEME_SCRIPT }} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="container-page flex-1 py-8">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  )
}
