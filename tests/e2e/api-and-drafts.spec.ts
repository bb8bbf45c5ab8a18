// REST, GraphQL and the admin against the production server: published content for everyone, drafts
// only for signed-in staff, by every route a reader could try.
import type { APIRequestContext } from '@playwright/test'

import { previewSecret } from '../../src/routes/preview-url'
import { expect, test } from './support/csp-watch'

const admin = { email: 'e2e-admin@test.cloudlex', password: 'e2e-admin-password-123' }
let token = ''
let draftId = ''

async function graphql(request: APIRequestContext, query: string, authToken?: string) {
  const response = await request.post('/api/graphql', {
    data: { query },
    headers: authToken ? { Authorization: `JWT ${authToken}` } : {},
  })
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] }
}

test.describe.configure({ mode: 'serial' })

test('REST returns CloudTrail with its providers, use cases, FAQs, category and difficulty', async ({ request }) => {
  const response = await request.get('/api/terms?where[slug][equals]=cloudtrail&depth=1')
  expect(response.status()).toBe(200)
  const { docs } = (await response.json()) as { docs: Record<string, unknown>[] }
  expect(docs).toHaveLength(1)
  const cloudtrail = docs[0]!
  expect((cloudtrail.providerEquivalents as unknown[]).length).toBe(4)
  expect((cloudtrail.useCases as unknown[]).length).toBe(2)
  expect((cloudtrail.faqs as unknown[]).length).toBe(3)
  expect((cloudtrail.category as { slug: string }).slug).toBe('security')
  expect(cloudtrail.difficulty).toBe('intermediate')
})

test('the admin created from the environment signs in; nobody can register a first account from the web', async ({
  page,
  request,
}) => {
  const register = await request.post('/api/users/first-register', {
    data: {
      email: 'intruder@test.cloudlex',
      password: 'intruder-password-123',
      confirmPassword: 'intruder-password-123',
    },
  })
  expect(register.status()).toBe(403)

  await page.goto('/admin')
  await expect(page).toHaveURL(/\/admin\/login/)
  await page.getByLabel('Email').fill(admin.email)
  await page.getByLabel('Password').fill(admin.password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page.getByRole('link', { name: /Terms/ }).first()).toBeVisible({ timeout: 30_000 })
})

test('staff can sign in over REST and save a draft term', async ({ request }) => {
  const login = await request.post('/api/users/login', { data: admin })
  expect(login.status()).toBe(200)
  token = ((await login.json()) as { token: string }).token

  const categories = (await (await request.get('/api/categories?limit=1')).json()) as { docs: { id: string }[] }
  const created = await request.post('/api/terms?draft=true', {
    headers: { Authorization: `JWT ${token}` },
    data: {
      title: 'Secret Draft Term',
      definition: 'Nobody outside the team may read this yet.',
      category: categories.docs[0]!.id,
      difficulty: 'beginner',
      _status: 'draft',
    },
  })
  expect(created.status()).toBe(201)
  draftId = ((await created.json()) as { doc: { id: string } }).doc.id
})

test('anonymous REST callers never see the draft', async ({ request }) => {
  const list = await request.get('/api/terms?limit=100&where[slug][equals]=secret-draft-term')
  expect(((await list.json()) as { docs: unknown[] }).docs).toEqual([])

  const asDraft = await request.get('/api/terms?draft=true&limit=100')
  expect(await asDraft.text()).not.toContain('Secret Draft Term')

  for (const path of [`/api/terms/${draftId}`, `/api/terms/${draftId}?draft=true`]) {
    const single = await request.get(path)
    expect(single.status(), path).toBeGreaterThanOrEqual(400)
    expect(await single.text(), path).not.toContain('Nobody outside the team')
  }

  const versions = await request.get('/api/terms/versions')
  expect(versions.status()).toBe(403)

  const count = await request.get('/api/terms/count')
  const { totalDocs } = (await count.json()) as { totalDocs: number }
  const published = (await (await request.get('/api/terms?limit=1')).json()) as { totalDocs: number }
  expect(totalDocs).toBe(published.totalDocs)
})

test('anonymous GraphQL callers never see the draft', async ({ request }) => {
  const listed = await graphql(request, '{ Terms(draft: true, limit: 100) { docs { title } } }')
  expect(JSON.stringify(listed)).not.toContain('Secret Draft Term')
  const single = await graphql(request, `{ Term(id: "${draftId}", draft: true) { title definition } }`)
  expect(JSON.stringify(single)).not.toContain('Nobody outside the team')
  const versions = await graphql(request, '{ versionsTerms { docs { version { title } } } }')
  expect(versions.errors).toBeTruthy()
  expect(JSON.stringify(versions)).not.toContain('Secret Draft Term')
})

test('signed-in staff see the draft through REST and GraphQL', async ({ request }) => {
  const single = await request.get(`/api/terms/${draftId}?draft=true`, { headers: { Authorization: `JWT ${token}` } })
  expect(single.status()).toBe(200)
  const viaGraphql = await graphql(request, `{ Term(id: "${draftId}", draft: true) { title } }`, token)
  expect(JSON.stringify(viaGraphql)).toContain('Secret Draft Term')
})

test('publishing a term that links to the draft does not expose the draft', async ({ request, page }) => {
  const auth = { Authorization: `JWT ${token}` }
  const found = (await (await request.get('/api/terms?where[slug][equals]=iam&depth=0')).json()) as {
    docs: { id: string; relatedTerms: string[] }[]
  }
  const iam = found.docs[0]!
  const published = await request.patch(`/api/terms/${iam.id}`, {
    headers: auth,
    data: { relatedTerms: [...iam.relatedTerms, draftId], _status: 'published' },
  })
  expect(published.status()).toBe(200)

  // Anonymous callers may populate one level (src/api-limits); staff see deeper below.
  for (const depth of [0, 1]) {
    const body = await (await request.get(`/api/terms/${iam.id}?depth=${depth}`)).text()
    expect(body, `depth ${depth}`).not.toContain(draftId)
    expect(body, `depth ${depth}`).not.toContain('Secret Draft Term')
  }
  const viaGraphql = await graphql(request, `{ Term(id: "${iam.id}") { relatedTerms { id title } } }`)
  expect(JSON.stringify(viaGraphql)).not.toContain('Secret Draft Term')
  expect(JSON.stringify(viaGraphql)).not.toContain(draftId)

  await page.goto('/terms/iam')
  await expect(page.getByRole('heading', { level: 1, name: 'IAM' })).toBeVisible()
  await expect(page.getByText('Secret Draft Term')).toHaveCount(0)

  const asStaff = (await (await request.get(`/api/terms/${iam.id}?depth=0`, { headers: auth })).json()) as {
    relatedTerms: string[]
  }
  expect(asStaff.relatedTerms).toContain(draftId)
})

test('the public pages do not show the draft', async ({ page }) => {
  const response = await page.goto('/terms/secret-draft-term')
  expect(response?.status()).toBe(404)
  await page.goto('/terms')
  await expect(page.getByText('Secret Draft Term')).toHaveCount(0)
})

test('a draft preview link shows the draft only to signed-in staff', async ({ browser, baseURL }) => {
  const secret = previewSecret({ PAYLOAD_SECRET: process.env.CLOUDLEX_E2E_PAYLOAD_SECRET })
  const link = `/next/preview?path=${encodeURIComponent('/terms/secret-draft-term')}&secret=${secret}`

  const stranger = await browser.newContext({ baseURL })
  const refused = await stranger.request.get(link, { maxRedirects: 0 })
  expect(refused.status()).toBe(401)
  const strangerPage = await stranger.newPage()
  expect((await strangerPage.goto('/terms/secret-draft-term'))?.status()).toBe(404)
  const wrongSecret = await stranger.request.get(link.replace(secret, 'nope'), { maxRedirects: 0 })
  expect(wrongSecret.status()).toBe(403)
  await stranger.close()

  const staff = await browser.newContext({ baseURL })
  await staff.request.post('/api/users/login', { data: admin })
  const page = await staff.newPage()
  await page.goto(link)
  await expect(page).toHaveURL(/\/terms\/secret-draft-term$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Secret Draft Term' })).toBeVisible()
  await expect(page.getByRole('main').getByRole('status')).toContainText('Draft preview')
  await staff.close()
})
