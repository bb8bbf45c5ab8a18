// Outside links the site renders as `href`s: only full http(s) addresses, so a `javascript:` or `data:`
// address never reaches a reader's browser.
export function validateHttpUrl(value: unknown, label: string): true | string {
  if (value === null || value === undefined || value === '') return true
  if (typeof value !== 'string') return `${label} must be text.`
  try {
    const url = new URL(value)
    if (url.protocol === 'https:' || url.protocol === 'http:') return true
  } catch {
    // fall through to the message below
  }
  return `${label} "${value}" must be a full http(s) address.`
}
