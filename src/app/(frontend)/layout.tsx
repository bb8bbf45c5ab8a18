import type { Metadata } from 'next'
import Link from 'next/link'
import type React from 'react'

import './styles.css'

export const metadata: Metadata = {
  title: { default: 'Cloudlex — cloud computing, explained', template: '%s · Cloudlex' },
  description: 'A glossary of cloud-computing terms with plain-language analogies and AWS, Azure, GCP and OCI equivalents.',
}

export default function FrontendLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            Cloudlex
          </Link>
          <nav aria-label="Main">
            <Link href="/terms">A–Z index</Link>
          </nav>
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          <p>Cloudlex is an open glossary of cloud-computing terms.</p>
        </footer>
      </body>
    </html>
  )
}
