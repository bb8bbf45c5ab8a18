// Links to the other pages of a paginated list: previous and next, the first and last, and the pages
// around the current one. Plain links, so they work without JavaScript and crawlers follow them.
import { pageLinks } from '@/site-data/pagination'

export function PaginationNav({
  page,
  pageCount,
  href,
  label,
}: {
  page: number
  pageCount: number
  href: (page: number) => string
  label: string
}) {
  if (pageCount <= 1) return null
  return (
    <nav aria-label={label} className="no-print my-6">
      <ul className="page-nav">
        {page > 1 ? (
          <li>
            <a href={href(page - 1)} rel="prev">
              Previous
            </a>
          </li>
        ) : null}
        {pageLinks(page, pageCount).map((link, index) =>
          link.kind === 'gap' ? (
            <li key={`gap-${index}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={link.page}>
              <a href={href(link.page)} aria-current={link.page === page ? 'page' : undefined}>
                <span className="sr-only">Page </span>
                {link.page}
              </a>
            </li>
          ),
        )}
        {page < pageCount ? (
          <li>
            <a href={href(page + 1)} rel="next">
              Next
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}
