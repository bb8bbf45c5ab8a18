import { expect, test } from '@playwright/test'

test.describe('the public site on a freshly seeded production server', () => {
  test('home page lists CloudTrail among the seeded terms', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(page.getByRole('link', { name: 'CloudTrail', exact: true })).toBeVisible()
  })

  test('A–Z index groups terms under letters and links to each term', async ({ page }) => {
    await page.goto('/terms')
    await expect(page.getByRole('heading', { name: 'A–Z index' })).toBeVisible()
    const letters = page.getByRole('navigation', { name: 'Letters' })
    await expect(letters.getByRole('link', { name: 'C', exact: true })).toBeVisible()
    await page.getByRole('link', { name: 'CloudTrail', exact: true }).click()
    await expect(page).toHaveURL(/\/terms\/cloudtrail$/)
  })

  test('a term page shows every part of the entry', async ({ page }) => {
    await page.goto('/terms/cloudtrail')
    await expect(page.getByRole('heading', { level: 1, name: 'CloudTrail' })).toBeVisible()
    await expect(page.getByText('AWS service that records all API calls made in your account')).toBeVisible()
    await expect(page.getByRole('complementary', { name: 'Analogy' })).toContainText('Like a detailed security log')
    await expect(page.getByText('Category: Security')).toBeVisible()
    await expect(page.getByText('Difficulty: intermediate')).toBeVisible()

    const providers = page.getByRole('table')
    await expect(providers.getByRole('row')).toHaveCount(5)
    await expect(providers.getByRole('row', { name: /Azure/ })).toContainText('Azure Activity Log')

    await expect(page.getByRole('heading', { level: 3, name: 'Netflix' })).toBeVisible()
    await expect(page.getByRole('heading', { level: 3, name: 'Capital One' })).toBeVisible()

    const question = page.getByText('How much does CloudTrail cost?')
    await question.click()
    await expect(page.getByText('Pricing depends on what you enable')).toBeVisible()
  })

  test('related terms link terms to each other', async ({ page }) => {
    await page.goto('/terms/iam')
    const related = page.getByRole('region', { name: 'Related terms' })
    await related.getByRole('link', { name: 'CloudTrail' }).click()
    await expect(page).toHaveURL(/\/terms\/cloudtrail$/)
  })

  test('an unknown term answers 404', async ({ page }) => {
    const response = await page.goto('/terms/no-such-term')
    expect(response?.status()).toBe(404)
  })
})
