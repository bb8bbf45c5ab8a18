// Whether a request path's percent-escapes decode to UTF-8. Next decodes every path segment to match a
// route and fails with a 500 on one that does not (an overlong `%c0%ae`, a lone surrogate `%ED%A0%80`).

export function hasValidPercentEncoding(pathname: string): boolean {
  try {
    decodeURIComponent(pathname)
    return true
  } catch {
    return false
  }
}

export const INVALID_PERCENT_ENCODING_MESSAGE =
  'Bad request: this address has a percent-escape (%XX) that is not valid UTF-8. Check the link or type the address again.'
