// What the 404 page asks the server for: the terms closest to the address that was not found. The page
// is the same for every missing address (so it never reads the request and every other page, which
// Next renders with it, can stay cached); the browser asks for suggestions for its own address.
export const MISSING_PAGE_SUGGESTIONS_PATH = '/next/not-found-suggestions'

export type MissingPageSuggestions = {
  /** The words of the missing address, for the search field ("/terms/cloud-trial" → "cloud trial"). */
  query: string
  terms: { title: string; slug: string }[]
}

export const missingPageSuggestionsUrl = (pathname: string) => `${MISSING_PAGE_SUGGESTIONS_PATH}?path=${encodeURIComponent(pathname)}`
