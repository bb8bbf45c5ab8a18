import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

import { expect, test } from './support/csp-watch'

/** Tabs from the top of the page until the header's search combobox has focus, as a keyboard user would. */
async function tabToSearchCombobox(page: Page) {
  const combobox = page.getByRole('banner').getByRole('combobox', { name: 'Search terms' })
  await expect(combobox).toBeVisible()
  for (let presses = 0; presses < 15; presses++) {
    await page.keyboard.press('Tab')
    if (await combobox.evaluate((element) => element === document.activeElement)) return combobox
  }
  throw new Error('Tab never reached the search combobox')
}

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(
    violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`),
  ).toEqual([])
}

test.describe('search', () => {
  test('the search page finds Key Management Service by its Azure service name and highlights it', async ({ page }) => {
    const response = await page.goto('/search?q=Key+Vault')
    expect(response?.status()).toBe(200)
    await expect(page).toHaveTitle(/^Search · Cloudlex$/)
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/)

    const first = page.getByRole('list', { name: 'Search results' }).getByRole('listitem').first()
    await expect(first.getByRole('heading', { name: 'Key Management Service' })).toBeVisible()
    await expect(first).toContainText('Security')
    await expect(first).toContainText('Matched in: Title')
    await expect(first).toContainText('Azure: Azure Key Vault')
    await expect(first.locator('mark', { hasText: 'Key Vault' }).first()).toBeVisible()
  })

  test('a misspelled query still finds the term, with the match marked in the title', async ({ page }) => {
    await page.goto('/search?q=kubernets')
    await expect(page.getByTestId('search-result-count')).toHaveText(/^\d+ terms? match(es)? “kubernets”\.$/)
    const firstTitle = page.getByRole('list', { name: 'Search results' }).getByRole('heading').first()
    await expect(firstTitle).toHaveText('Kubernetes')
    await expect(firstTitle.locator('mark')).toHaveText('Kubernetes')
  })

  test('an FAQ answer is searchable and reported as the matched field', async ({ page }) => {
    await page.goto('/search?q=envelope+encryption')
    const first = page.getByRole('list', { name: 'Search results' }).getByRole('listitem').first()
    await expect(first.getByRole('heading')).toHaveText('Key Management Service')
    await expect(first).toContainText('Matched in: FAQ')
    await expect(first.locator('mark').first()).toHaveText('envelope encryption')
  })

  test('many results come 20 a page, with next and previous links and no term twice', async ({ page }) => {
    const results = page.getByRole('list', { name: 'Search results' }).getByRole('heading')
    const pageLinks = page.getByRole('navigation', { name: 'Search result pages' })
    await page.goto('/search?q=cloud')
    await expect(page.getByTestId('search-result-count')).toHaveText('Terms 1–20 matching “cloud”, best first.')
    await expect(results).toHaveCount(20)
    const firstPage = await results.allTextContents()
    await expect(pageLinks.getByRole('link', { name: 'Previous' })).toHaveCount(0)

    await pageLinks.getByRole('link', { name: 'Next' }).click()
    await expect(page).toHaveURL(/\/search\?q=cloud&page=2$/)
    await expect(page.getByTestId('search-result-count')).toHaveText(/^Terms 21–\d+ matching “cloud”, best first\.$/)
    const secondPage = await results.allTextContents()
    expect(secondPage.length).toBeGreaterThan(0)
    expect(secondPage.filter((title) => firstPage.includes(title))).toEqual([])
    await expectNoAxeViolations(page)

    await pageLinks.getByRole('link', { name: 'Previous' }).click()
    await expect(page).toHaveURL(/\/search\?q=cloud$/)
    await expect(results).toHaveText(firstPage)
  })

  test('a query with no results offers the closest titles', async ({ page }) => {
    await page.goto('/search?q=loadbalancr')
    await expect(page.getByTestId('search-result-count')).toHaveText('No terms match “loadbalancr”.')
    const didYouMean = page.getByRole('region', { name: 'Did you mean' })
    await didYouMean.getByRole('link', { name: 'Load Balancer' }).click()
    await expect(page).toHaveURL(/\/terms\/load-balancer$/)
  })

  test('the suggest endpoint answers JSON with at most 8 suggestions and caps the query length', async ({
    request,
  }) => {
    const response = await request.get('/search/suggest?q=cloud')
    expect(response.status()).toBe(200)
    expect(response.headers()['content-type']).toContain('application/json')
    const body = await response.json()
    expect(body.suggestions.length).toBeGreaterThan(0)
    expect(body.suggestions.length).toBeLessThanOrEqual(8)
    expect(body.suggestions[0]).toMatchObject({
      slug: expect.any(String),
      title: expect.any(String),
      snippet: expect.any(String),
    })

    const oversized = await (await request.get(`/search/suggest?q=${'kubernetes '.repeat(500)}`)).json()
    expect(oversized.query.length).toBeLessThanOrEqual(100)
    expect(oversized.suggestions[0].slug).toBe('kubernetes')
  })
})

test.describe('search without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the header search form submits to the search page', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByRole('combobox')).toHaveCount(0)
    const field = page.getByRole('search', { name: 'Site search' }).getByLabel('Search terms')
    await field.fill('cloudtrail')
    await field.press('Enter')
    await expect(page).toHaveURL(/\/search\?q=cloudtrail$/)
    await expect(page.getByRole('list', { name: 'Search results' }).getByRole('heading').first()).toHaveText(
      'CloudTrail',
    )
  })
})

test.describe('search as you type', () => {
  test('works with the keyboard alone: type, choose with the arrows, Enter opens the term', async ({ page }) => {
    await page.goto('/')
    const combobox = await tabToSearchCombobox(page)
    await expect(combobox).toHaveAttribute('aria-expanded', 'false')

    await page.keyboard.type('kubernets')
    const listbox = page.getByRole('listbox', { name: 'Search suggestions' })
    await expect(listbox).toBeVisible()
    await expect(combobox).toHaveAttribute('aria-expanded', 'true')
    await expect(combobox).toHaveAttribute('aria-controls', (await listbox.getAttribute('id'))!)
    const options = listbox.getByRole('option')
    const count = await options.count()
    expect(count).toBeGreaterThan(0)
    expect(count).toBeLessThanOrEqual(8)
    await expect(page.getByRole('status').filter({ hasText: 'available' })).toHaveText(
      `${count} ${count === 1 ? 'suggestion' : 'suggestions'} available. Use the up and down arrow keys to choose one.`,
    )

    await page.keyboard.press('ArrowDown')
    const firstOption = options.first()
    await expect(firstOption).toHaveAttribute('aria-selected', 'true')
    await expect(combobox).toHaveAttribute('aria-activedescendant', (await firstOption.getAttribute('id'))!)
    await expect(firstOption).toContainText('Kubernetes')

    await page.keyboard.press('End')
    await expect(combobox).toHaveAttribute('aria-activedescendant', (await options.last().getAttribute('id'))!)
    await page.keyboard.press('Home')
    await expect(combobox).toHaveAttribute('aria-activedescendant', (await firstOption.getAttribute('id'))!)

    await page.keyboard.press('Escape')
    await expect(listbox).toBeHidden()
    await expect(combobox).toHaveAttribute('aria-expanded', 'false')
    await expect(combobox).not.toHaveAttribute('aria-activedescendant')
    await expect(combobox).toBeFocused()
    await expect(combobox).toHaveValue('kubernets')

    await page.keyboard.press('ArrowDown')
    await expect(firstOption).toHaveAttribute('aria-selected', 'true')
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/\/terms\/kubernetes$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kubernetes')
  })

  test('Enter with no option chosen submits the query to the search page', async ({ page }) => {
    await page.goto('/terms')
    const combobox = await tabToSearchCombobox(page)
    await page.keyboard.type('Key Vault')
    await expect(page.getByRole('listbox', { name: 'Search suggestions' })).toBeVisible()
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/\/search\?q=Key\+Vault$/)
    await expect(combobox).toBeVisible()
    await expect(page.getByRole('list', { name: 'Search results' }).getByRole('heading').first()).toHaveText(
      'Key Management Service',
    )
  })

  test('announces when nothing matches', async ({ page }) => {
    await page.goto('/')
    await tabToSearchCombobox(page)
    await page.keyboard.type('xqzt')
    await expect(page.getByRole('status').filter({ hasText: 'xqzt' })).toHaveText(
      'No suggestions for “xqzt”. Press Enter to search all terms.',
    )
    await expect(page.getByRole('listbox', { name: 'Search suggestions' })).toBeHidden()
  })
})

test.describe('the 404 page', () => {
  test('suggests CloudTrail for /terms/cloud-trial and answers 404', async ({ page }) => {
    const response = await page.goto('/terms/cloud-trial')
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
    const suggestions = page.getByRole('region', { name: 'Were you looking for' })
    await expect(suggestions.getByRole('link').first()).toHaveText('CloudTrail')
    await expect(page.getByRole('searchbox', { name: 'Search the glossary' })).toHaveValue('cloud trial')
    await expect(page.getByRole('link', { name: 'A–Z index' })).toHaveAttribute('href', '/terms')
    await page
      .getByRole('navigation', { name: 'A–Z index letters' })
      .getByRole('link', { name: 'K', exact: true })
      .click()
    await expect(page).toHaveURL(/\/terms\/letter\/k$/)
  })

  test('suggests Kubernetes for an unknown top-level path', async ({ page }) => {
    const response = await page.goto('/kubernets')
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('region', { name: 'Were you looking for' }).getByRole('link').first()).toHaveText(
      'Kubernetes',
    )
  })
})

test.describe('accessibility of search and the 404 page', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe finds no violations in ${colorScheme} mode`, async ({ page }) => {
      await page.emulateMedia({ colorScheme })

      await page.goto('/search?q=kubernets')
      await expectNoAxeViolations(page)

      const combobox = await tabToSearchCombobox(page)
      await page.keyboard.type('key')
      await expect(page.getByRole('listbox', { name: 'Search suggestions' })).toBeVisible()
      await page.keyboard.press('ArrowDown')
      await expect(combobox).toHaveAttribute('aria-activedescendant', /.+/)
      await expectNoAxeViolations(page)

      await page.goto('/search?q=loadbalancr')
      await expectNoAxeViolations(page)

      await page.goto('/terms/cloud-trial')
      await expectNoAxeViolations(page)
    })
  }
})
