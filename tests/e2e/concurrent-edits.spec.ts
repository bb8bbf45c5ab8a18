// Two editors open the same term in the admin; the first one saves. The second one's save, made from the
// form they opened before that, is refused with a message that says what happened and what to do, and
// the first editor's wording stays; the second editor sees, field by field, their form against the stored version.
import type { BrowserContext, Page } from '@playwright/test'

import { expect, test } from './support/csp-watch'
import { adminToken, ensureStaffUser, signedInContext } from './support/staff'

const FIRST_EDITOR = 'concurrent-first@test.cloudlex'
const SECOND_EDITOR = 'concurrent-second@test.cloudlex'

let termId = ''

async function openTerm(context: BrowserContext): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`/admin/collections/terms/${termId}`)
  await expect(page.locator('form[data-form-ready="true"]').first()).toBeVisible({ timeout: 15_000 })
  return page
}

async function saveDefinition(page: Page, definition: string) {
  await page.locator('#field-definition').fill(definition)
  await page.getByRole('button', { name: 'Save Draft' }).click()
}

/** Payload's own check warns an editor who starts typing in a form already out of date; this editor began before. */
async function startEditing(page: Page, definition: string) {
  await page.locator('#field-definition').fill(definition)
  await expect(page.getByRole('button', { name: 'Save Draft' })).toBeEnabled({ timeout: 15_000 })
}

test.beforeAll(async ({ request }) => {
  await ensureStaffUser(request, 'editor', FIRST_EDITOR)
  await ensureStaffUser(request, 'editor', SECOND_EDITOR)
  const headers = { Authorization: `JWT ${await adminToken(request)}` }
  const categories = (await (
    await request.get('/api/categories?where[slug][equals]=security', { headers })
  ).json()) as {
    docs: { id: string }[]
  }
  const created = await request.post('/api/terms?draft=true', {
    headers,
    data: {
      // Playwright runs this again in a fresh worker after a failed test; a title of its own keeps it from
      // failing there on the slug the first run took.
      title: `Concurrent Edit Term ${Date.now()}`,
      definition: 'The first wording.',
      category: categories.docs[0]!.id,
      difficulty: 'beginner',
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  termId = ((await created.json()) as { doc: { id: string } }).doc.id
})

test('a save made from a form opened before someone else’s save is refused with a clear message', async ({
  browser,
  baseURL,
  request,
}) => {
  const headers = { Authorization: `JWT ${await adminToken(request)}` }
  const storedDefinition = async () =>
    (
      (await (await request.get(`/api/terms/${termId}?draft=true&depth=0`, { headers })).json()) as {
        definition: string
      }
    ).definition
  const first = await signedInContext(browser, baseURL!, FIRST_EDITOR)
  const second = await signedInContext(browser, baseURL!, SECOND_EDITOR)
  const firstPage = await openTerm(first)
  const secondPage = await openTerm(second)
  await startEditing(secondPage, 'The second editor’s wording, from an older copy.')

  await saveDefinition(firstPage, 'The first editor’s wording.')
  await expect.poll(storedDefinition, { timeout: 15_000 }).toBe('The first editor’s wording.')
  // A second save from the same form goes through: the form took the new revision from its first save.
  await saveDefinition(firstPage, 'The first editor’s second wording.')
  await expect.poll(storedDefinition, { timeout: 15_000 }).toBe('The first editor’s second wording.')

  await secondPage.getByRole('button', { name: 'Save Draft' }).click()
  await expect(
    secondPage.getByText(
      /changed by someone else since you opened it: reload to see their version; copy your edits first/,
    ),
  ).toBeVisible({
    timeout: 15_000,
  })
  expect(await storedDefinition()).toBe('The first editor’s second wording.')
  await first.close()
  await second.close()
})

test('an editor whose save is refused sees a compare of their form against the stored version', async ({
  browser,
  baseURL,
}) => {
  const first = await signedInContext(browser, baseURL!, FIRST_EDITOR)
  const second = await signedInContext(browser, baseURL!, SECOND_EDITOR)
  const firstPage = await openTerm(first)
  const secondPage = await openTerm(second)
  await startEditing(secondPage, 'The second editor’s wording, to be copied.')
  await firstPage.locator('#field-analogy').fill('Like two people editing one page.')
  await saveDefinition(firstPage, 'The first editor’s wording for the compare.')
  await expect(firstPage.getByText(/changed by someone else/)).toHaveCount(0)
  await expect(firstPage.getByRole('region', { name: 'Your edits and the stored version' })).toHaveCount(0)

  await secondPage.getByRole('button', { name: 'Save Draft' }).click()
  const compare = secondPage.getByRole('region', { name: 'Your edits and the stored version' })
  await expect(compare).toBeVisible({ timeout: 15_000 })
  const definition = compare.locator('tr[data-field="definition"]')
  await expect(definition).toContainText('The second editor’s wording, to be copied.')
  await expect(definition).toContainText('The first editor’s wording for the compare.')
  await expect(compare.locator('tr[data-field="analogy"]')).toContainText('Like two people editing one page.')
  await expect(compare.locator('tr[data-field="title"]')).toHaveCount(0)

  await compare.getByRole('button', { name: 'Reload the stored version' }).click()
  await expect(secondPage.locator('#field-definition')).toHaveValue('The first editor’s wording for the compare.', {
    timeout: 15_000,
  })
  await expect(secondPage.getByRole('region', { name: 'Your edits and the stored version' })).toHaveCount(0)
  await first.close()
  await second.close()
})
