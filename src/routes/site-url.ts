// The public address of the site, for canonical links, sitemaps and feeds. SERVER_URL is read at run
// time so one build serves any address.
export function siteUrl(): string {
  return (process.env.SERVER_URL || 'http://localhost:3000').replace(/\/+$/, '')
}

export function absoluteUrl(pathname: string): string {
  return `${siteUrl()}${pathname.startsWith('/') ? pathname : `/${pathname}`}`
}
