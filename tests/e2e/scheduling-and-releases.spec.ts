// Scheduled publishing and releases against the running production server, whose jobs queue polls every
// 10 seconds: nothing here runs a job by hand. An editor schedules through the admin's own Schedule
// dialog; releases go through the REST API. The public page and the editorial desk follow, and the
// audit log names the editor.
import type { APIRequestContext, Page } from '@playwright/test'

import { expect, test } from './support/csp-watch'
import { adminToken, ensureStaffUser, signedInContext, staffToken } from './support/staff'

const AUTHOR = 'schedule-author@test.cloudlex'
const REVIEWER = 'schedule-reviewer@test.cloudlex'
const EDITOR = 'schedule-editor@test.cloudlex'

test.describe.configure({ mode: 'serial' })

type Doc = { id: string; slug?: string }
type AuditEntry = { action: string; actorLabel: string; note?: string | null; targetCollection?: string }

let tokens: Record<'author' | 'reviewer' | 'editor', string>
let categoryId = ''

const auth = (token: string) => ({ Authorization: `JWT ${token}` })

async function createDraft(
  request: APIRequestContext,
  collection: string,
  data: Record<string, unknown>,
): Promise<Doc> {
  const response = await request.post(`/api/${collection}?draft=true`, { headers: auth(tokens.author), data })
  expect(response.status(), await response.text()).toBe(201)
  return ((await response.json()) as { doc: Doc }).doc
}

async function moveTo(request: APIRequestContext, collection: string, id: string, stage: string, token: string) {
  const response = await request.patch(`/api/${collection}/${id}?draft=true`, {
    headers: auth(token),
    data: { workflowStage: stage },
  })
  expect(response.status(), await response.text()).toBe(200)
}

/** Drafted by the author, submitted, and approved by the reviewer: ready for an editor to publish. */
async function approved(request: APIRequestContext, collection: string, data: Record<string, unknown>): Promise<Doc> {
  const doc = await createDraft(request, collection, data)
  await moveTo(request, collection, doc.id, 'in_review', tokens.author)
  await moveTo(request, collection, doc.id, 'approved', tokens.reviewer)
  return doc
}

const termData = (title: string) => ({
  title,
  definition: `${title}, defined for the scheduling test.`,
  category: categoryId,
  difficulty: 'beginner',
})

const paragraph = (text: string) => ({
  root: {
    type: 'root',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text }] }],
  },
})

async function auditEntriesFor(request: APIRequestContext, targetId: string): Promise<AuditEntry[]> {
  const response = await request.get(`/api/audit-log?where[targetId][equals]=${targetId}&sort=createdAt&limit=100`, {
    headers: auth(await adminToken(request)),
  })
  return ((await response.json()) as { docs: AuditEntry[] }).docs
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** The dialog's time field reads "Nov 5, 2026 1:07 PM" in the browser's time zone, here the machine's. */
function pickerText(date: Date): string {
  const hours = date.getHours() % 12 || 12
  const minutes = String(date.getMinutes()).padStart(2, '0')
  return `${MONTHS[date.getMonth()]} ${date.getDate()}, ${date.getFullYear()} ${hours}:${minutes} ${date.getHours() < 12 ? 'AM' : 'PM'}`
}

/**
 * The dialog takes whole minutes, so the schedule falls on the next minute. Starting no earlier than
 * 20 seconds into a minute keeps that under 40 seconds away, and the wait for the runner within bounds.
 */
async function nextWholeMinute(): Promise<Date> {
  const seconds = new Date().getSeconds()
  if (seconds < 20) await new Promise((resolve) => setTimeout(resolve, (20 - seconds) * 1000))
  const next = new Date()
  next.setSeconds(60, 0)
  return next
}

async function openScheduleDialog(page: Page) {
  // The chevron beside Publish opens Payload's menu with "Schedule Publish".
  await page.locator('#action-save-popup .popup-button').first().click()
  await page.locator('#schedule-publish').click()
  const drawer = page.locator('.schedule-publish').first()
  await expect(drawer).toBeVisible()
  return drawer
}

async function scheduleInDialog(page: Page, type: 'Publish' | 'Unpublish', at: Date) {
  const drawer = await openScheduleDialog(page)
  await drawer.getByText(type, { exact: true }).click()
  const time = drawer.locator('.react-datepicker__input-container input')
  await time.fill(pickerText(at))
  await time.press('Enter')
  await drawer.locator('#scheduled-publish-save').click()
  await expect(page.getByText('Scheduled successfully')).toBeVisible({ timeout: 15_000 })
  await page.keyboard.press('Escape')
}

async function pageStatus(request: APIRequestContext, path: string): Promise<number> {
  return (await request.get(path)).status()
}

test.beforeAll(async ({ request }) => {
  await ensureStaffUser(request, 'author', AUTHOR)
  await ensureStaffUser(request, 'reviewer', REVIEWER)
  await ensureStaffUser(request, 'editor', EDITOR)
  tokens = {
    author: await staffToken(request, AUTHOR),
    reviewer: await staffToken(request, REVIEWER),
    editor: await staffToken(request, EDITOR),
  }
  const categories = (await (await request.get('/api/categories?limit=1&sort=name')).json()) as { docs: Doc[] }
  categoryId = categories.docs[0]!.id
})

test('a publish scheduled in the admin dialog puts the term online, and a scheduled unpublish takes it down', async ({
  browser,
  baseURL,
  request,
}) => {
  // Two schedules on whole minutes, each followed by a poll of at most 60 seconds.
  test.setTimeout(240_000)
  const term = await approved(request, 'terms', termData('Scheduled Dialog Term'))
  const publicPath = `/terms/${term.slug}`
  expect(await pageStatus(request, publicPath)).toBe(404)

  const context = await signedInContext(browser, baseURL!, EDITOR)
  const page = await context.newPage()
  await page.goto(`/admin/collections/terms/${term.id}`)
  await expect(page.locator('form[data-form-ready="true"]').first()).toBeVisible({ timeout: 15_000 })

  const publishAt = await nextWholeMinute()
  await scheduleInDialog(page, 'Publish', publishAt)
  await expect.poll(() => pageStatus(request, publicPath), { timeout: 60_000, intervals: [2_000] }).toBe(200)
  expect(Date.now()).toBeGreaterThanOrEqual(publishAt.getTime())
  const reader = await browser.newPage({ baseURL })
  await reader.goto(publicPath)
  await expect(reader.getByRole('heading', { level: 1, name: 'Scheduled Dialog Term' })).toBeVisible()

  await page.reload()
  await expect(page.locator('form[data-form-ready="true"]').first()).toBeVisible({ timeout: 15_000 })
  const unpublishAt = await nextWholeMinute()
  await scheduleInDialog(page, 'Unpublish', unpublishAt)
  await expect.poll(() => pageStatus(request, publicPath), { timeout: 60_000, intervals: [2_000] }).toBe(404)
  await context.close()
  await reader.close()

  const entries = await auditEntriesFor(request, term.id)
  const scheduling = entries
    .filter((entry) => ['schedule', 'publish', 'unpublish'].includes(entry.action))
    .map((entry) => `${entry.action} by ${entry.actorLabel}${entry.action === 'schedule' ? `: ${entry.note}` : ''}`)
  expect(scheduling).toEqual([
    `schedule by ${EDITOR}: Scheduled publish at ${publishAt.toISOString()}.`,
    `publish by ${EDITOR}`,
    `schedule by ${EDITOR}: Scheduled unpublish at ${unpublishAt.toISOString()}.`,
    `unpublish by ${EDITOR}`,
  ])
})

test('the editorial desk lists a schedule made in the dialog, and removing it there is recorded as a cancellation', async ({
  browser,
  baseURL,
  request,
}) => {
  const term = await approved(request, 'terms', termData('Desk Scheduled Term'))
  const at = new Date(Date.now() + 24 * 60 * 60 * 1000)
  at.setSeconds(0, 0)
  const context = await signedInContext(browser, baseURL!, EDITOR)
  const page = await context.newPage()
  const editView = `/admin/collections/terms/${term.id}`
  await page.goto(editView)
  await expect(page.locator('form[data-form-ready="true"]').first()).toBeVisible({ timeout: 15_000 })
  await scheduleInDialog(page, 'Publish', at)

  await page.goto('/admin')
  const scheduled = page.getByRole('region', { name: 'Scheduled' })
  await expect(scheduled.getByRole('link', { name: 'Desk Scheduled Term' })).toHaveAttribute('href', editView, {
    timeout: 15_000,
  })
  await expect(scheduled.getByRole('listitem').filter({ hasText: 'Desk Scheduled Term' })).toContainText(
    `publish at ${at.toUTCString()}, scheduled by ${EDITOR}`,
  )

  await page.goto(editView)
  await expect(page.locator('form[data-form-ready="true"]').first()).toBeVisible({ timeout: 15_000 })
  const drawer = await openScheduleDialog(page)
  await drawer.locator('.schedule-publish__delete').first().click()
  await expect(page.getByText('Deleted successfully')).toBeVisible({ timeout: 15_000 })
  await page.goto('/admin')
  await expect(page.getByRole('region', { name: 'Scheduled' })).not.toContainText('Desk Scheduled Term', {
    timeout: 15_000,
  })
  await context.close()

  const entries = (await auditEntriesFor(request, term.id)).filter((entry) => entry.action === 'schedule')
  expect(entries.map((entry) => `${entry.actorLabel}: ${entry.note}`)).toEqual([
    `${EDITOR}: Scheduled publish at ${at.toISOString()}.`,
    `${EDITOR}: Cancelled the scheduled publish at ${at.toISOString()}.`,
  ])
})

test('a scheduled release publishes a new term with its use case and FAQ together', async ({ request, page }) => {
  const useCase = await approved(request, 'use-cases', {
    organization: 'Release Test Bank',
    scenario: 'Needed three documents live at once.',
    solution: 'Put them in one release.',
  })
  const faq = await approved(request, 'faqs', {
    question: 'Does a release publish everything at once?',
    answer: paragraph('Yes, or nothing.'),
  })
  const term = await approved(request, 'terms', {
    ...termData('Released Together Term'),
    useCases: [useCase.id],
    faqs: [faq.id],
  })
  const publicPath = `/terms/${term.slug}`
  expect(await pageStatus(request, publicPath)).toBe(404)

  const created = await request.post('/api/releases', {
    headers: auth(tokens.editor),
    data: {
      name: 'Scheduled launch',
      publishAt: new Date(Date.now() + 3_000).toISOString(),
      items: [
        { document: { relationTo: 'terms', value: term.id } },
        { document: { relationTo: 'use-cases', value: useCase.id } },
        { document: { relationTo: 'faqs', value: faq.id } },
      ],
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  const release = ((await created.json()) as { doc: Doc & { status: string } }).doc
  expect(release.status).toBe('scheduled')

  await expect.poll(() => pageStatus(request, publicPath), { timeout: 60_000, intervals: [2_000] }).toBe(200)
  await page.goto(publicPath)
  await expect(page.getByRole('heading', { level: 1, name: 'Released Together Term' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 3, name: 'Release Test Bank' })).toBeVisible()
  await expect(page.getByText('Does a release publish everything at once?')).toBeVisible()

  const stored = (await (
    await request.get(`/api/releases/${release.id}`, { headers: auth(tokens.editor) })
  ).json()) as { status: string }
  expect(stored.status).toBe('published')
  const releaseEntries = (await auditEntriesFor(request, release.id)).map(
    (entry) => `${entry.action} by ${entry.actorLabel}`,
  )
  expect(releaseEntries).toEqual(expect.arrayContaining([`schedule by ${EDITOR}`, `release by ${EDITOR}`]))
  for (const member of [term, useCase, faq]) {
    const actions = (await auditEntriesFor(request, member.id)).map((entry) => `${entry.action} by ${entry.actorLabel}`)
    expect(actions).toContain(`publish by ${EDITOR}`)
  }
})

test('a release with a member that is not approved publishes none of them and shows why', async ({
  request,
  browser,
  baseURL,
}) => {
  const ready = await approved(request, 'terms', termData('Ready Release Member'))
  const unready = await createDraft(request, 'terms', termData('Unready Release Member'))
  await moveTo(request, 'terms', unready.id, 'in_review', tokens.author)

  const created = await request.post('/api/releases', {
    headers: auth(tokens.editor),
    data: {
      name: 'Launch with a gap',
      items: [
        { document: { relationTo: 'terms', value: ready.id } },
        { document: { relationTo: 'terms', value: unready.id } },
      ],
    },
  })
  const release = ((await created.json()) as { doc: Doc }).doc
  const published = await request.post(`/api/releases/${release.id}/publish`, { headers: auth(tokens.editor) })
  expect(published.status()).toBe(422)
  const outcome = (await published.json()) as { published: boolean; reason: string }
  expect(outcome.published).toBe(false)
  expect(outcome.reason).toContain('Only approved content can be published')

  expect(await pageStatus(request, `/terms/${ready.slug}`)).toBe(404)
  expect(await pageStatus(request, `/terms/${unready.slug}`)).toBe(404)

  const context = await signedInContext(browser, baseURL!, EDITOR)
  const page = await context.newPage()
  await page.goto(`/admin/collections/releases/${release.id}`)
  await expect(page.locator('#field-failureReason')).toHaveValue(/Only approved content can be published/, {
    timeout: 15_000,
  })
  await context.close()

  const entries = await auditEntriesFor(request, release.id)
  expect(entries).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        action: 'release',
        actorLabel: EDITOR,
        note: expect.stringMatching(/^Not published: /),
      }),
    ]),
  )
})
