// The admin at scale: each view an editor opens most (the term list, a search in it, one term's edit
// view, the editorial desk on the admin home) loaded again and again in Chromium on a database of
// generated terms. A load is timed from the start of the navigation to the moment the view's content
// (list rows, the edit form's fields, the desk's lists) is visible. Prints p50/p95 per view and fails a
// view whose p95 is over the budget. Each view is its own test, so one slow view does not hide the others.
import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test'
import { performance } from 'node:perf_hooks'

import { generatedTitle } from '../../bench/generated-glossary'
import { summarizeLatencies, type LatencySummary } from '../../bench/latency-summary'
import { E2E_ADMIN } from '../e2e/support/staff'

import { readScaleSettings } from './support/scale-settings'

type View = { name: string; url: (run: number) => string; content: (page: Page, run: number) => Locator }

const settings = readScaleSettings()
let context: BrowserContext
let termIds: string[] = []

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext({ baseURL: settings.baseURL })
  const login = await context.request.post('/api/users/login', { data: E2E_ADMIN })
  expect(login.status(), 'the admin signs in').toBe(200)
  const count = await context.request.get('/api/terms?limit=1&depth=0&draft=true')
  const { totalDocs } = (await count.json()) as { totalDocs: number }
  expect(totalDocs, 'the database holds the generated terms').toBeGreaterThanOrEqual(settings.terms)
  // Terms spread over the whole glossary, a different one for every load of the edit view.
  const page = Math.max(1, Math.floor(totalDocs / (settings.runs + 1) / 2))
  const sample = await context.request.get(
    `/api/terms?limit=${settings.runs + 1}&page=${page}&depth=0&select[title]=true&sort=slug`,
  )
  termIds = ((await sample.json()) as { docs: { id: string }[] }).docs.map((doc) => doc.id)
  expect(termIds.length).toBe(settings.runs + 1)
})

test.afterAll(async () => {
  await context?.close()
})

const milliseconds = (value: number) => `${String(Math.round(value)).padStart(5)} ms`

function report(view: string, summary: LatencySummary): void {
  process.stdout.write(
    `\n${view.padEnd(20)} at ${settings.terms} terms, ${summary.samples} loads: ` +
      `p50 ${milliseconds(summary.p50Ms)}   p95 ${milliseconds(summary.p95Ms)}   max ${milliseconds(summary.maxMs)}` +
      `   (budget p95 ≤ ${settings.p95BudgetMs} ms)\n`,
  )
}

/** Words of generated titles, so every search finds terms, and no two consecutive searches are alike. */
const searchWords = (run: number) =>
  generatedTitle(run * 7)
    .split(' ')
    .slice(0, 2)
    .join(' ')

const VIEWS: View[] = [
  {
    name: 'term list',
    url: () => '/admin/collections/terms',
    content: (page) => page.locator('.table tbody tr').first(),
  },
  {
    name: 'search in the list',
    url: (run) => `/admin/collections/terms?search=${encodeURIComponent(searchWords(run))}`,
    content: (page) => page.locator('.table tbody tr').first(),
  },
  {
    name: 'edit view of a term',
    url: (run) => `/admin/collections/terms/${termIds[run]}`,
    content: (page) => page.locator('#field-title'),
  },
  {
    name: 'editorial desk',
    url: () => '/admin',
    content: (page) => page.getByRole('region', { name: 'Recently published' }).getByRole('listitem').first(),
  },
]

async function timedLoad(page: Page, view: View, run: number): Promise<number> {
  const started = performance.now()
  await page.goto(view.url(run), { waitUntil: 'commit' })
  await view.content(page, run).waitFor({ state: 'visible', timeout: 30_000 })
  return performance.now() - started
}

for (const view of VIEWS) {
  test(`${view.name} loads within the budget at scale`, async () => {
    const page = await context.newPage()
    try {
      await timedLoad(page, view, settings.runs) // warm-up: compiles and caches the route, not counted
      const samples: number[] = []
      for (let run = 0; run < settings.runs; run += 1) samples.push(await timedLoad(page, view, run))
      const summary = summarizeLatencies(samples)
      report(view.name, summary)
      expect(summary.p95Ms, `${view.name}: p95 of ${settings.runs} loads`).toBeLessThanOrEqual(settings.p95BudgetMs)
    } finally {
      await page.close()
    }
  })
}
