// Passes the requested path to the site's pages in a request header, so the 404 page (which Next gives
// no params) can suggest terms close to the address the reader tried.
import { NextResponse, type NextRequest } from 'next/server'

import { REQUEST_PATH_HEADER } from './lib/request-path-header'

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers)
  headers.set(REQUEST_PATH_HEADER, request.nextUrl.pathname.slice(0, 300))
  return NextResponse.next({ request: { headers } })
}

export const config = {
  // Site pages only: not the admin, the REST/GraphQL API, Next's own files, the preview routes under
  // /next, or anything that looks like a file (favicon.ico, feed.xml, compare.csv…).
  matcher: ['/((?!admin(?:/|$)|api(?:/|$)|_next/|next(?:/|$)|.*\\.[A-Za-z0-9]+$).*)'],
}
