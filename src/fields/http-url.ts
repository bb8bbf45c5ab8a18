// Outside links the site renders as `href`s: only full http(s) addresses, so a `javascript:` or `data:`
// address never reaches a reader's browser.
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false
  try {
    const { protocol } = new URL(value)
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}

export function validateHttpUrl(value: unknown, label: string): true | string {
  if (value === null || value === undefined || value === '') return true
  if (typeof value !== 'string') return `${label} must be text.`
  return isHttpUrl(value) ? true : `${label} "${value}" must be a full http(s) address.`
}
