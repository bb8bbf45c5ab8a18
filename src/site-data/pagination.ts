// Page arithmetic for the paginated lists, shared by the reads (which page of rows to ask for) and the
// pages (which page links to show).

/** The largest page number an address may name; anything longer is not a page of ours. */
const MAX_PAGE_DIGITS = 6

export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage))
}

/** A page number written in an address ("2"), or null when the text is not one ("0", "02", "x", "1e3"). */
export function parsePageNumber(text: string | null | undefined): number | null {
  if (typeof text !== 'string' || !new RegExp(`^[1-9][0-9]{0,${MAX_PAGE_DIGITS - 1}}$`).test(text)) return null
  return Number(text)
}

/** Whether a page exists for a list of `total` items; the first page always exists, even of an empty list. */
export function pageExists(page: number, total: number, perPage: number): boolean {
  return Number.isInteger(page) && page >= 1 && page <= pageCount(total, perPage)
}

/** The 1-based positions of the first and last item on a page ("101–200 of 385"). */
export function pageRange(page: number, total: number, perPage: number): { first: number; last: number } {
  const first = Math.min(total, (page - 1) * perPage + 1)
  return { first, last: Math.min(total, page * perPage) }
}

export type PageLink = { kind: 'page'; page: number } | { kind: 'gap' }

/**
 * The page numbers a page's navigation shows: the first and last, and `radius` pages on each side of
 * the current one, with gaps between runs, so the navigation stays short however many pages there are.
 */
export function pageLinks(current: number, pages: number, radius = 1): PageLink[] {
  const shown = new Set<number>([1, pages])
  for (let page = current - radius; page <= current + radius; page += 1) if (page >= 1 && page <= pages) shown.add(page)
  const links: PageLink[] = []
  let previous = 0
  for (const page of [...shown].sort((a, b) => a - b)) {
    // A gap of exactly one page shows that page instead of an ellipsis standing for it.
    if (page - previous === 2) links.push({ kind: 'page', page: previous + 1 })
    else if (page - previous > 2) links.push({ kind: 'gap' })
    links.push({ kind: 'page', page })
    previous = page
  }
  return links
}
