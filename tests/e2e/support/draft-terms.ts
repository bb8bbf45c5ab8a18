// Draft terms end-to-end tests make through the REST API, to check who may and may not see them.
import { expect, type APIRequestContext } from '@playwright/test'

/** A new draft term in the seeded Security category, made by the caller `headers` sign in; its slug. */
export async function createDraftTermThroughRest(
  request: APIRequestContext,
  headers: Record<string, string>,
  { title, definition }: { title: string; definition: string },
): Promise<string> {
  const security = (await (await request.get('/api/categories?where[slug][equals]=security')).json()) as {
    docs: { id: string }[]
  }
  const created = await request.post('/api/terms?draft=true', {
    headers,
    data: { title, definition, category: security.docs[0]!.id, difficulty: 'beginner', _status: 'draft' },
  })
  expect(created.status(), await created.text()).toBe(201)
  return ((await created.json()) as { doc: { slug: string } }).doc.slug
}
