import type { Metadata } from 'next'

import { FIRST_INDEX_LETTER } from '@/routes/site-routes'

import { letterIndexMetadata, LetterIndexView } from './letter-index-view'

// Filtered views (/terms?category=…) are another route (src/app/(frontend)/filtered/terms, by a rewrite in
// next.config.mjs): this page reads no query, so it is served from the rendering cache.
export function generateMetadata(): Promise<Metadata> {
  return letterIndexMetadata(FIRST_INDEX_LETTER, 1)
}

export default function TermIndexPage() {
  return <LetterIndexView letter={FIRST_INDEX_LETTER} page={1} />
}
