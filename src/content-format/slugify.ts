/** Lower-cases the text and turns every run of characters other than a–z and 0–9 into a single `-`. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}
