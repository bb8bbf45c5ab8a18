'use client'
// The site's layout itself failed (or the admin's): this replaces the whole document, so it brings the
// site's header, footer and styles along and says what to do, instead of Next's bare error screen.
import { PageFailure, type RenderFailure } from '@/components/site/page-failure'
import { SiteFooter } from '@/components/site/site-footer'
import { SiteHeader } from '@/components/site/site-header'

import './(frontend)/styles.css'

export default function GlobalError({ error, reset }: { error: RenderFailure; reset: () => void }) {
  return (
    <html lang="en">
      <head>
        <title>Cloudlex: this page could not be shown</title>
      </head>
      <body>
        <SiteHeader />
        <main id="main" className="container-page flex-1 py-8">
          <PageFailure error={error} reset={reset} />
        </main>
        <SiteFooter />
      </body>
    </html>
  )
}
