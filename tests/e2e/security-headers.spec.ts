// Security headers on everything the server sends, a per-request nonce on every script of a page, and
// no Content Security Policy violations in Chromium on the public pages or in the admin (signing in,
// editing, live preview, the version diff). Every test here also fails on any policy problem Chromium
// reports (./support/csp-watch).
import type { APIRequestContext, Page } from '@playwright/test'

import { expect, test } from './support/csp-watch'
import { adminToken, E2E_ADMIN } from './support/staff'

const COMMON_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'SAMEORIGIN',
}

function expectCommonHeaders(response: { headers(): Record<string, string> }, what: string) {
  const headers = response.headers()
  for (const [name, value] of Object.entries(COMMON_HEADERS)) expect(headers[name], `${name} on ${what}`).toBe(value)
  expect(headers['permissions-policy'], `permissions-policy on ${what}`).toContain('camera=()')
  // The suite runs over http: HSTS is for an https public address only.
  expect(headers['strict-transport-security'], `HSTS on ${what}`).toBeUndefined()
}

const nonceOf = (policy: string | undefined) => /'nonce-([^']+)'/.exec(policy ?? '')?.[1]

async function pageScripts(page: Page) {
  return page.locator('script').evaluateAll((scripts) =>
    scripts.map((script) => ({
      nonce: (script as HTMLScriptElement).nonce,
      type: script.getAttribute('type'),
      inline: !script.hasAttribute('src'),
    })),
  )
}

test('a page sends a nonce policy, and every script that runs on it, ours included, carries the nonce', async ({
  page,
}) => {
  const response = await page.goto('/terms/cloudtrail')
  expectCommonHeaders(response!, 'a term page')
  const policy = response!.headers()['content-security-policy']
  expect(policy).toContain("script-src 'self' 'nonce-")
  expect(policy).toContain("frame-ancestors 'self'")
  const nonce = nonceOf(policy)
  expect(nonce).toBeTruthy()

  const scripts = await pageScripts(page)
  expect(scripts.filter((script) => script.type === 'application/ld+json').length).toBeGreaterThan(0)
  expect(scripts.filter((script) => script.inline && script.type === null).length).toBeGreaterThan(0) // the theme script
  // JSON-LD is a data block the browser never runs, so the policy does not apply to it.
  for (const script of scripts.filter(({ type }) => type !== 'application/ld+json')) expect(script.nonce).toBe(nonce)

  const again = await page.request.get('/terms/cloudtrail')
  expect(nonceOf(again.headers()['content-security-policy'])).not.toBe(nonce)
})

test('the API, the admin and files of every kind get the security headers', async ({ request, page }) => {
  const api = await request.get('/api/terms?limit=1')
  expectCommonHeaders(api, 'the REST API')
  expect(api.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'self'; sandbox")

  const admin = await request.get('/admin/login')
  expectCommonHeaders(admin, 'the admin')
  expect(nonceOf(admin.headers()['content-security-policy'])).toBeTruthy()

  await page.goto('/')
  const chunk = await page.locator('script[src^="/_next/static/"]').first().getAttribute('src')
  const ogImage = new URL((await page.locator('meta[property="og:image"]').getAttribute('content'))!).pathname
  const icon = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute('href')
  for (const path of [
    chunk!,
    '/favicon.ico',
    icon!,
    '/feed.xml',
    '/feed.json',
    '/compare.csv',
    '/compare.json',
    '/sitemap.xml',
    ogImage,
  ]) {
    const response = await request.get(path)
    expect(response.status(), path).toBe(200)
    expectCommonHeaders(response, path)
  }
})

test('every public page type runs its scripts under the policy without a violation', async ({ page }) => {
  const paths = [
    '/',
    '/terms',
    '/terms/cloudtrail',
    '/categories',
    '/categories/security',
    '/providers',
    '/providers/aws',
    '/compare',
    '/search?q=kubernetes',
  ]
  for (const path of paths) {
    await page.goto(path)
    await page.waitForLoadState('networkidle')
  }
  const missing = await page.goto('/terms/cloud-trial')
  expect(missing!.status()).toBe(404)
  // Scripts did run: the header search became a combobox and fetched suggestions.
  await page.goto('/')
  const search = page.getByRole('combobox').first()
  await search.fill('kuber')
  await expect(page.getByRole('option').first()).toBeVisible()
})

test('a client cannot hand the 404 page a path of its own, on any path', async ({ page, request }) => {
  for (const path of ['/terms/cloud-trial', '/terms/cloud-trial.txt']) {
    // The page itself reads no request header: it is the same for every missing address.
    const response = await request.get(path, { headers: { 'x-cloudlex-request-path': '/terms/kubernets' } })
    expect(response.status(), path).toBe(404)
    expect(await response.text(), path).not.toContain('/terms/kubernetes')
    // Its suggestions are asked for by the browser, for the address it is showing.
    await page.setExtraHTTPHeaders({ 'x-cloudlex-request-path': '/terms/kubernets' })
    await page.goto(path)
    const suggestions = page.getByRole('region', { name: 'Were you looking for' })
    await expect(suggestions.getByRole('link').first()).toHaveAttribute('href', '/terms/cloudtrail')
    await expect(suggestions.locator('a[href="/terms/kubernetes"]')).toHaveCount(0)
  }
})

test('draft preview refuses a path with control characters that would lead off-site', async ({ request }) => {
  const response = await request.get('/next/preview?path=/%09/evil.example&secret=x', { maxRedirects: 0 })
  expect(response.status()).toBe(400)
  expect(await response.text()).toContain('Preview needs a path on this site')
})

async function createDraftTerm(request: APIRequestContext, token: string) {
  const headers = { Authorization: `JWT ${token}` }
  const categories = (await (await request.get('/api/categories?limit=1', { headers })).json()) as {
    docs: { id: string }[]
  }
  const created = await request.post('/api/terms?draft=true', {
    headers,
    data: {
      title: 'Policy Check Term',
      slug: 'policy-check-term',
      definition: 'First words.',
      category: categories.docs[0]!.id,
      difficulty: 'beginner',
    },
  })
  expect(created.status()).toBe(201)
  return ((await created.json()) as { doc: { id: string } }).doc.id
}

test('the admin signs in, edits, live-previews and diffs versions without a policy violation', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000)
  const token = await adminToken(request)
  const termId = await createDraftTerm(request, token)

  await page.goto('/admin/login')
  await page.locator('#field-email').fill(E2E_ADMIN.email)
  await page.locator('#field-password').fill(E2E_ADMIN.password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin\/?$/, { timeout: 20_000 })

  await page.goto(`/admin/collections/terms/${termId}`)
  await expect(page.locator('form[data-form-ready="true"]').first()).toBeVisible({ timeout: 15_000 })
  await page.locator('#field-definition').fill('Second words, edited in the admin.')
  await page.getByRole('button', { name: 'Save Draft' }).click()
  await expect(page.getByText(/saved successfully/i).first()).toBeVisible({ timeout: 15_000 })

  await page.getByRole('button', { name: 'Live Preview' }).click()
  const preview = page.frameLocator('iframe')
  await expect(preview.getByRole('heading', { level: 1, name: 'Policy Check Term' })).toBeVisible({ timeout: 20_000 })

  const versions = (await (
    await request.get(`/api/terms/versions?where[parent][equals]=${termId}&sort=-updatedAt`, {
      headers: { Authorization: `JWT ${token}` },
    })
  ).json()) as { docs: { id: string }[] }
  await page.goto(`/admin/collections/terms/${termId}/versions/${versions.docs[0]!.id}`)
  await expect(page.getByText('Second words, edited in the admin.').first()).toBeVisible({ timeout: 15_000 })
  await page.waitForLoadState('networkidle')
})

test('a script injected into a page without the nonce is blocked, and the policy watcher every spec uses sees it', async ({
  page,
  baseURL,
  policyProblems,
}) => {
  // What an injection into the markup would add: an inline script the server did not write.
  await page.route(`${baseURL}/`, async (route) => {
    const response = await route.fetch()
    const body = (await response.text()).replace('<body>', '<body><script>window.injected = true</script>')
    await route.fulfill({ response, body })
  })
  await page.goto('/')
  await expect.poll(() => policyProblems.join('\n')).toContain('Content Security Policy')
  expect(await page.evaluate(() => (window as { injected?: boolean }).injected)).toBeUndefined()
  // Seen and expected here; in any other test a policy problem fails the test.
  policyProblems.length = 0
})

test('the production sign-in cookie is HttpOnly, Secure and SameSite=Lax', async ({ request }) => {
  const login = await request.post('/api/users/login', { data: E2E_ADMIN })
  expect(login.status()).toBe(200)
  const cookie = login
    .headersArray()
    .find(({ name, value }) => name.toLowerCase() === 'set-cookie' && value.startsWith('payload-token='))
  expect(cookie?.value).toMatch(/;\s*HttpOnly/i)
  expect(cookie?.value).toMatch(/;\s*Secure/i)
  expect(cookie?.value).toMatch(/;\s*SameSite=Lax/i)
})
