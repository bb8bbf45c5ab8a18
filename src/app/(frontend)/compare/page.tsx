import type { Metadata } from 'next'

import { NO_TERM_FILTERS } from '@/site-data/term-filters'

import { compareViewMetadata, CompareView, type CompareSelection } from './compare-view'

// Filtered views (/compare?provider=…) are another route (src/app/(frontend)/filtered/compare, by a
// rewrite in next.config.mjs): this page reads no query, so it is served from the rendering cache.
const FIRST_CATEGORY: CompareSelection = { categorySlug: null, page: 1, filters: NO_TERM_FILTERS }

export function generateMetadata(): Promise<Metadata> {
  return compareViewMetadata(FIRST_CATEGORY)
}

export default function ComparePage() {
  return <CompareView selection={FIRST_CATEGORY} />
}
