// The editorial workflow as people use it, in the admin: an author drafts and submits a term, a reviewer
// asks for changes, the author fixes them, the reviewer approves, an editor publishes, readers see it,
// and the audit log shows every step with the person who took it.
import type { Page } from '@playwright/test'

import { expect, test } from './support/csp-watch'
import { adminToken, ensureStaffUser, signedInContext } from './support/staff'

const AUTHOR = 'workflow-author@test.cloudlex'
const REVIEWER = 'workflow-reviewer@test.cloudlex'
const EDITOR = 'workflow-editor@test.cloudlex'
const TITLE = 'Workflow Walkthrough Term'

test.describe.configure({ mode: 'serial' })

let termUrl = ''

async function chooseOption(page: Page, fieldId: string, option: string) {
  await page.locator(`#${fieldId}`).click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

async function leave(page: Page) {
  await page.getByRole('banner').getByRole('link', { name: 'Terms' }).click()
  await expect(page).toHaveURL(/\/admin\/collections\/terms(\?|$)/)
  await page.context().close()
}

async function openTerm(page: Page) {
  await page.goto(termUrl)
  await expect(page.locator('.workflow-actions')).toBeVisible({ timeout: 15_000 })
  await waitForFormReady(page)
}

/** Payload's form drops a submit while it is still loading; it marks itself ready when it can take one. */
async function waitForFormReady(page: Page) {
  await expect(page.locator('form[data-form-ready="true"]').first()).toBeVisible({ timeout: 15_000 })
}

async function expectStage(page: Page, label: string) {
  await expect(page.locator('.workflow-actions')).toContainText(`Stage: ${label}`, { timeout: 15_000 })
}

test.beforeAll(async ({ request }) => {
  await ensureStaffUser(request, 'author', AUTHOR)
  await ensureStaffUser(request, 'reviewer', REVIEWER)
  await ensureStaffUser(request, 'editor', EDITOR)
})

test('an author drafts a term and submits it for review', async ({ browser, baseURL }) => {
  const context = await signedInContext(browser, baseURL!, AUTHOR)
  const page = await context.newPage()
  await page.goto('/admin/collections/terms/create')
  await waitForFormReady(page)
  await page.locator('#field-title').fill(TITLE)
  await page.locator('#field-definition').fill('A term written to walk through the editorial workflow.')
  await chooseOption(page, 'field-category', 'Security')
  await chooseOption(page, 'field-difficulty', 'Beginner')
  await page.getByRole('button', { name: 'Save Draft' }).click()
  await expect(page).toHaveURL(/\/admin\/collections\/terms\/[0-9a-f-]{36}/, { timeout: 15_000 })
  termUrl = new URL(page.url()).pathname

  await expectStage(page, 'Draft')
  await page.getByRole('button', { name: 'Submit for review' }).click()
  await expectStage(page, 'In review')
  await expect(page.getByRole('button', { name: 'Publish changes' })).toHaveCount(0)
  await leave(page)
})

test('a reviewer requests changes with a note', async ({ browser, baseURL }) => {
  const context = await signedInContext(browser, baseURL!, REVIEWER)
  const page = await context.newPage()
  await openTerm(page)
  await expectStage(page, 'In review')
  await page.locator('#field-transitionNote').fill('Please add a plain-language analogy.')
  await page.getByRole('button', { name: 'Request changes' }).click()
  await expectStage(page, 'Changes requested')
  await leave(page)
})

test('the author adds the analogy and resubmits', async ({ browser, baseURL }) => {
  const context = await signedInContext(browser, baseURL!, AUTHOR)
  const page = await context.newPage()
  await openTerm(page)
  await expectStage(page, 'Changes requested')
  await page.locator('#field-analogy').fill('Like a relay race where each runner checks the baton.')
  await page.getByRole('button', { name: 'Save Draft' }).click()
  // The form re-renders after a save before it takes the next step; on a loaded machine that can take seconds.
  await expect(page.getByRole('button', { name: 'Submit for review' })).toBeEnabled({ timeout: 15_000 })
  await page.getByRole('button', { name: 'Submit for review' }).click()
  await expectStage(page, 'In review')
  await leave(page)
})

test('the reviewer approves', async ({ browser, baseURL }) => {
  const context = await signedInContext(browser, baseURL!, REVIEWER)
  const page = await context.newPage()
  await openTerm(page)
  await page.getByRole('button', { name: 'Approve' }).click()
  await expectStage(page, 'Approved')
  await page.screenshot({ path: 'test-results/screenshots/edit-view-approved.png', fullPage: false })
  await leave(page)
})

test('an editor publishes and readers see the term', async ({ browser, baseURL, page }) => {
  const context = await signedInContext(browser, baseURL!, EDITOR)
  const editorPage = await context.newPage()
  await openTerm(editorPage)
  await expectStage(editorPage, 'Approved')
  await editorPage.getByRole('button', { name: 'Publish changes' }).click()
  await expectStage(editorPage, 'Published')
  await leave(editorPage)

  await page.goto('/terms/workflow-walkthrough-term')
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
  await expect(page.getByRole('complementary', { name: 'Analogy' })).toContainText('Like a relay race')
})

test('the audit log shows every step with the person who took it', async ({ request, browser, baseURL }) => {
  const token = await adminToken(request)
  const id = termUrl.split('/').pop()!
  const response = await request.get(`/api/audit-log?where[targetId][equals]=${id}&sort=createdAt&limit=50`, {
    headers: { Authorization: `JWT ${token}` },
  })
  const { docs } = (await response.json()) as { docs: { action: string; actorLabel: string; note?: string }[] }
  const steps = docs.map(
    (entry) => `${entry.action} by ${entry.actorLabel}${entry.action === 'stage-change' ? ` (${entry.note})` : ''}`,
  )
  expect(steps).toEqual([
    `create by ${AUTHOR}`,
    `stage-change by ${AUTHOR} (draft → in_review)`,
    `stage-change by ${REVIEWER} (in_review → changes_requested)`,
    `update by ${AUTHOR}`,
    `stage-change by ${AUTHOR} (changes_requested → in_review)`,
    `stage-change by ${REVIEWER} (in_review → approved)`,
    `publish by ${EDITOR}`,
    `stage-change by ${EDITOR} (approved → published)`,
  ])

  const context = await browser.newContext({ baseURL })
  await context.request.post('/api/users/login', {
    data: { email: 'e2e-admin@test.cloudlex', password: 'e2e-admin-password-123' },
  })
  const page = await context.newPage()
  await page.goto('/admin/collections/audit-log')
  await expect(page.getByText(EDITOR).first()).toBeVisible({ timeout: 15_000 })
  await context.close()
})

test('the admin home is an editorial desk listing what needs attention', async ({ browser, baseURL }) => {
  const context = await signedInContext(browser, baseURL!, EDITOR)
  const page = await context.newPage()
  await page.goto('/admin')
  await expect(page.getByRole('heading', { name: 'Editorial desk' })).toBeVisible({ timeout: 15_000 })
  const published = page.getByRole('region', { name: 'Recently published' })
  await expect(published.getByRole('link', { name: TITLE })).toBeVisible()
  for (const panel of ['My drafts', 'Awaiting review', 'Changes requested', 'Scheduled', 'Open releases']) {
    await expect(page.getByRole('region', { name: panel })).toBeVisible()
  }
  await page.screenshot({ path: 'test-results/screenshots/dashboard.png', fullPage: false })
  await context.close()
})
