// The request header that carries the requested path from the server (src/server/page-response.ts) to pages that are not given it,
// such as the 404 page.
export const REQUEST_PATH_HEADER = 'x-cloudlex-request-path'

/**
 * The longest path passed on. The 404 page compares its words with every title, so its cost grows
 * with the path; no term's address comes near this length.
 */
export const MAX_REQUEST_PATH_LENGTH = 300

export function requestPathForHeader(pathname: string): string {
  return pathname.slice(0, MAX_REQUEST_PATH_LENGTH)
}
