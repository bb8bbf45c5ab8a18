// A term page that fails to render because the database is broken under the running server: the reader
// gets the site's own failure page (src/app/(frontend)/error.tsx), inside the site's header and footer,
// with what to do and a reference, never Next's bare screen or a cached failure; once the database is
// whole again, "Try again" shows the term.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createClient } from '@libsql/client'
import { expect, test } from '@playwright/test'

import { launchAppInstance, publishedTermsAtLeast, waitForInstance, type AppInstance } from '../../support/app-instance'

const SEEDED_TERMS = 50
/** A seeded term whose page nothing has asked for before the fault, so it is rendered while the database is broken. */
const FAILING_TERM = { slug: 'autoscaling', title: 'Autoscaling' }

let workDir = ''
let instance: AppInstance | null = null

test.beforeAll(async () => {
  test.setTimeout(300_000)
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudlex-page-failure-'))
  instance = await launchAppInstance({
    name: 'page-failure',
    env: {
      DATABASE_URI: `file:${path.join(workDir, 'failing.db')}`,
      PAYLOAD_SECRET: 'page-failure-secret-not-for-real-use-00000',
    },
  })
  await waitForInstance(instance, publishedTermsAtLeast(SEEDED_TERMS))
})

test.afterAll(async () => {
  await instance?.kill()
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true })
})

/** Renames the terms table away (or back), as a damaged or half-migrated database would leave it. */
async function renameTermsTable(from: string, to: string): Promise<void> {
  const database = createClient({ url: `file:${path.join(workDir, 'failing.db')}` })
  try {
    await database.execute('PRAGMA busy_timeout = 10000')
    await database.execute(`ALTER TABLE ${from} RENAME TO ${to}`)
  } finally {
    database.close()
  }
}

test('a page that fails shows the site’s failure page with its header, search and footer, and Try again recovers', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await renameTermsTable('terms', 'terms_unavailable')
  const answer = await page.goto(`${instance!.baseURL}/terms/${FAILING_TERM.slug}`)
  expect(answer?.status()).toBe(500)
  await expect(page.getByRole('heading', { level: 1, name: 'This page could not be shown' })).toBeVisible()
  await expect(page.getByText('nothing you did caused it')).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
  await expect(page.getByRole('contentinfo')).toContainText('Cloudlex is an open glossary')
  await expect(page.getByRole('search', { name: 'Search the glossary' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'A–Z index' })).toHaveAttribute('href', '/terms')
  await expect(page.getByText(/quote reference \S+/)).toBeVisible()
  // The failure is not kept: a second request fails again rather than serving a stored failure as a page.
  const again = await fetch(`${instance!.baseURL}/terms/${FAILING_TERM.slug}`)
  expect(again.status).toBe(500)

  await renameTermsTable('terms_unavailable', 'terms')
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByRole('heading', { level: 1, name: FAILING_TERM.title })).toBeVisible({ timeout: 30_000 })
  expect((await fetch(`${instance!.baseURL}/terms/${FAILING_TERM.slug}`)).status).toBe(200)
})
