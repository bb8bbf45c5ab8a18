// Staff accounts for end-to-end tests, created through the REST API by the installation's admin.
import type { APIRequestContext, Browser, BrowserContext } from '@playwright/test'

export const E2E_ADMIN = { email: 'e2e-admin@test.cloudlex', password: 'e2e-admin-password-123' }
export const STAFF_PASSWORD = 'e2e-staff-password-123'

/** Signs in as the admin the server created on first start from CLOUDLEX_ADMIN_EMAIL / _PASSWORD. */
export async function adminToken(request: APIRequestContext): Promise<string> {
  const login = await request.post('/api/users/login', { data: E2E_ADMIN })
  if (login.status() !== 200)
    throw new Error(`could not sign in as the e2e admin: ${login.status()} ${await login.text()}`)
  return ((await login.json()) as { token: string }).token
}

export async function ensureStaffUser(request: APIRequestContext, role: string, email: string): Promise<string> {
  const token = await adminToken(request)
  const headers = { Authorization: `JWT ${token}` }
  const existing = (await (await request.get(`/api/users?where[email][equals]=${email}`, { headers })).json()) as {
    docs: { id: string }[]
  }
  if (existing.docs[0]) return existing.docs[0].id
  const created = await request.post('/api/users', {
    headers,
    data: { email, password: STAFF_PASSWORD, role, name: role },
  })
  return ((await created.json()) as { doc: { id: string } }).doc.id
}

/** A browser context signed in as the given account (the login response sets the session cookie). */
export async function signedInContext(
  browser: Browser,
  baseURL: string,
  email: string,
  password = STAFF_PASSWORD,
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL })
  const login = await context.request.post('/api/users/login', { data: { email, password } })
  if (login.status() !== 200) throw new Error(`could not sign in as ${email}: ${login.status()}`)
  return context
}

/** A REST token for a staff account, for setting up content through the API as that person. */
export async function staffToken(
  request: APIRequestContext,
  email: string,
  password = STAFF_PASSWORD,
): Promise<string> {
  const login = await request.post('/api/users/login', { data: { email, password } })
  if (login.status() !== 200) throw new Error(`could not sign in as ${email}: ${login.status()}`)
  return ((await login.json()) as { token: string }).token
}
