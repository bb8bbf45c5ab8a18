import type { Metadata, Viewport } from 'next'
import type React from 'react'

import { SiteFooter } from '@/components/site/site-footer'
import { SiteHeader } from '@/components/site/site-header'
import { APPLY_STORED_THEME_SCRIPT } from '@/components/site/theme'
import { ATOM_FEED_PATH, JSON_FEED_PATH } from '@/seo/feeds'
import { SITE_DESCRIPTION, SITE_NAME, SITE_TITLE } from '@/seo/site-identity'
import { siteUrl } from '@/routes/site-url'

import './styles.css'

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: { default: SITE_TITLE, template: `%s · ${SITE_NAME}` },
  description: SITE_DESCRIPTION,
  applicationName: SITE_NAME,
  alternates: {
    types: {
      'application/atom+xml': [{ url: ATOM_FEED_PATH, title: `${SITE_NAME}: recently updated terms (Atom)` }],
      'application/feed+json': [{ url: JSON_FEED_PATH, title: `${SITE_NAME}: recently updated terms (JSON Feed)` }],
    },
  },
  // No title or description here: a page without its own would announce the home page's. Pages set
  // theirs through src/seo/page-metadata.ts, which replaces these objects.
  openGraph: { type: 'website', siteName: SITE_NAME, locale: 'en' },
  twitter: { card: 'summary_large_image' },
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f7f8fa' },
    { media: '(prefers-color-scheme: dark)', color: '#0e1420' },
  ],
}

// Pages are rendered once and served from Next's rendering cache until content they show changes; the
// server puts each response's CSP nonce on the scripts (src/server/page-response.ts).
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
