// The admin's list view of terms, rendered by Payload's own server component: what it reads from the
// database for one page of the list and for a search in it.
import { renderListView } from '@payloadcms/next/views'
import { initI18n } from '@payloadcms/translations'
import { getVisibleEntities } from '@payloadcms/ui/shared'
import { createClientConfig, createLocalReq, getAccessResults, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'

import { createStaffUser, getTestPayload } from '../support/harness'
import { readsOf, recordSqlStatements } from '../support/sql-statements'

let payload: Payload
let editor: User

/** What `/admin/collections/terms?<query>` renders for the editor, with the SQL it sent. */
async function renderTermList(query: Record<string, string> = {}) {
  const i18n = await initI18n({ config: payload.config.i18n, context: 'client', language: 'en' })
  const req = await createLocalReq({ user: { ...editor, collection: 'users' }, req: { i18n, query } }, payload)
  const permissions = await getAccessResults({ req })
  const clientConfig = createClientConfig({
    config: payload.config,
    i18n,
    importMap: payload.importMap,
    user: req.user!,
  })
  const { statements } = await recordSqlStatements(payload, () =>
    renderListView({
      clientConfig,
      initPageResult: {
        collectionConfig: payload.collections.terms.config,
        cookies: new Map(),
        permissions,
        req,
        visibleEntities: getVisibleEntities({ req }),
        languageOptions: [],
        locale: undefined,
        translations: i18n.translations,
      },
      importMap: payload.importMap,
      i18n,
      payload,
      params: { segments: ['collections', 'terms'] },
      searchParams: query,
      viewType: 'list',
      enableRowSelections: true,
    }),
  )
  // The list shows the latest draft of each term: one page of the versions table, sorted and limited.
  const pageReads = readsOf(statements, '_terms_v').filter((statement) => / limit \?$/.test(statement))
  expect(pageReads).toHaveLength(1)
  return pageReads[0]!
}

const LIST_COLUMNS = [
  'version_title',
  'version_category_id',
  'version_difficulty',
  'version_workflow_stage',
  'version_assignee_id',
  'version_updated_at',
]
const CONTENT_COLUMNS = [
  'version_definition',
  'version_analogy',
  'version_body',
  'version_seo_title',
  'version_seo_description',
]

beforeAll(async () => {
  payload = await getTestPayload()
  editor = await createStaffUser(payload, 'editor')
  const category = await payload.create({ collection: 'categories', data: { name: 'Compute', slug: 'compute' } })
  for (const title of ['Cobalt Managed Gateway', 'Atlas Regional Queue']) {
    await payload.create({
      collection: 'terms',
      data: { title, definition: `${title} explained.`, category: category.id, difficulty: 'beginner' },
      draft: true,
    })
  }
})

describe('the admin list of terms', () => {
  it('reads the columns it shows, not whole documents with their arrays and relationships', async () => {
    const pageRead = await renderTermList()
    for (const column of LIST_COLUMNS) expect(pageRead).toContain(`"${column}"`)
    for (const column of CONTENT_COLUMNS) expect(pageRead).not.toContain(`"${column}"`)
    // Arrays, hasMany relationships and aliases come from one subquery each per row.
    expect(pageRead).not.toContain('json_group_array')
  })

  it('searches titles and slugs (indexed), not every definition', async () => {
    const pageRead = await renderTermList({ search: 'cobalt gateway' })
    const condition = pageRead.slice(pageRead.lastIndexOf(' where '))
    expect(condition).toMatch(/"version_title" like \?/)
    expect(condition).toMatch(/"version_slug" like \?/)
    expect(condition).not.toContain('"version_definition"')
  })
})
