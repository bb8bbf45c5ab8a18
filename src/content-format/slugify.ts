/**
 * The longest slug: every page address of the site (and the file its cached copy is stored under) has
 * room for it. Longer titles are cut at the last whole word that fits.
 */
export const MAX_SLUG_LENGTH = 120

/** Lower-cases the text and turns every run of characters other than a–z and 0–9 into a single `-`. */
export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length <= MAX_SLUG_LENGTH) return slug
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1)
  const lastHyphen = cut.lastIndexOf('-')
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '')
}
