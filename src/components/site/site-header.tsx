import { SearchBox } from './search-box'
import { ThemeToggle } from './theme-toggle'

export const MAIN_NAV = [
  { href: '/terms', label: 'A–Z' },
  { href: '/categories', label: 'Categories' },
  { href: '/providers', label: 'Providers' },
  { href: '/compare', label: 'Compare' },
] as const

export function SiteHeader() {
  return (
    <header className="no-print border-b border-line bg-surface">
      <div className="container-page flex flex-wrap items-center gap-x-6 gap-y-3 py-3">
        <a href="/" className="order-1 flex items-center gap-2 text-xl font-bold text-ink no-underline">
          <span
            aria-hidden="true"
            className="grid h-8 w-8 place-items-center rounded-lg bg-accent text-base text-on-accent"
          >
            C
          </span>
          Cloudlex
        </a>
        <nav aria-label="Main" className="order-3 w-full sm:order-2 sm:w-auto">
          <ul className="flex flex-wrap gap-x-1 gap-y-1">
            {MAIN_NAV.map((item) => (
              <li key={item.href}>
                <a
                  href={item.href}
                  className="inline-flex min-h-10 items-center rounded-md px-3 font-medium text-ink no-underline hover:bg-sunken"
                >
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="order-4 w-full sm:order-3 sm:ml-auto sm:w-72">
          <SearchBox />
        </div>
        <div className="order-2 ml-auto flex sm:order-4 sm:ml-0">
          <ThemeToggle />
        </div>
      </div>
    </header>
  )
}
