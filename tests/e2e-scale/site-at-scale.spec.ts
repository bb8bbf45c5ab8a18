// The public lists at scale: on the same database of generated terms as the admin views, every list page a
// reader can reach (the A–Z index and a letter, a category, a provider, compare) stays small enough to
// download and lay out on a phone, has no axe violation, and links to the next page of its list.
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type APIRequestContext } from '@playwright/test'

import { readScaleSettings } from './support/scale-settings'

const settings = readScaleSettings()

/** What the issue asks of every list page at any size of glossary. */
const MAX_HTML_BYTES = 150 * 1024

type ListPage = { name: string; path: string; paginated: boolean }

/** The first category and provider that list terms, read from the public API as a reader would. */
async function firstWithTerms(request: APIRequestContext) {
  const categories = (await (await request.get('/api/categories?limit=1&depth=0&sort=name')).json()) as {
    docs: { slug: string }[]
  }
  const providers = (await (await request.get('/api/providers?limit=1&depth=0&sort=displayOrder')).json()) as {
    docs: { slug: string }[]
  }
  return { category: categories.docs[0]!.slug, provider: providers.docs[0]!.slug }
}

test('every public list page stays small, accessible and paginated at scale', async ({ page, request }) => {
  const { category, provider } = await firstWithTerms(request)
  const pages: ListPage[] = [
    { name: 'A–Z index', path: '/terms', paginated: false },
    { name: 'one letter', path: '/terms/letter/c', paginated: true },
    { name: 'a later page of a letter', path: '/terms/letter/c/2', paginated: true },
    { name: 'one category', path: `/categories/${category}`, paginated: true },
    { name: 'one provider', path: `/providers/${provider}`, paginated: true },
    { name: 'compare', path: '/compare', paginated: true },
    { name: 'home', path: '/', paginated: false },
  ]
  const rows: string[] = []
  for (const listPage of pages) {
    const response = await request.get(listPage.path)
    expect(response.status(), listPage.path).toBe(200)
    const bytes = (await response.body()).length
    rows.push(`${listPage.name.padEnd(26)} ${listPage.path.padEnd(34)} ${(bytes / 1024).toFixed(1).padStart(7)} kB`)
    expect(bytes, `${listPage.path}: HTML bytes`).toBeLessThanOrEqual(MAX_HTML_BYTES)

    await page.goto(listPage.path)
    if (listPage.paginated) {
      await expect(page.getByRole('navigation', { name: /pages/i }), `${listPage.path}: page links`).toBeVisible()
    }
    const results = await new AxeBuilder({ page }).analyze()
    const violations = results.violations.map((violation) => `${violation.id} (${violation.nodes.length} nodes)`)
    expect(violations, `axe on ${listPage.path} at ${settings.terms} terms`).toEqual([])
  }
  process.stdout.write(`\nPublic list pages at ${settings.terms} terms:\n${rows.join('\n')}\n`)
})
