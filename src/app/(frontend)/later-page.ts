import { notFound } from 'next/navigation'

import { parsePageNumber } from '@/site-data/pagination'

/**
 * The number of a list's later page (2 and up) named in its address, or the not-found page. Page 1
 * lives at the list's own address (next.config.mjs redirects /…/1 there).
 */
export function laterPageNumber(segment: string): number {
  const number = parsePageNumber(segment)
  return number && number > 1 ? number : notFound()
}
