'use client'
// A page of the public site that failed to render: the site's header, search and footer stay, and the
// page says what to do instead of Next's bare error screen.
import { PageFailure, type RenderFailure } from '@/components/site/page-failure'

export default function SitePageError({ error, reset }: { error: RenderFailure; reset: () => void }) {
  return <PageFailure error={error} reset={reset} />
}
