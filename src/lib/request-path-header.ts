// The request header that carries the requested path from src/proxy.ts to pages that are not given it,
// such as the 404 page.
export const REQUEST_PATH_HEADER = 'x-cloudlex-request-path'
