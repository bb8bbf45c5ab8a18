// Optimistic concurrency: every write of a document moves its revision on, and a write made against an
// older revision than the stored one is refused and changes nothing, through the Local API, REST (ETag and
// If-Match) and GraphQL; concurrent writes that send the same revision never both win.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { revisionTag } from '@/concurrency/revision-tags'
import { importTermBatches } from '@/content-transfer/import-terms'
import { DocumentByDocumentInsert } from '@/db/bulk-insert'
import { STALE_VERSION_CODE, StaleVersionError } from '@/concurrency/stale-version-error'
import type { Category, User } from '@/payload-types'

import { callGraphql, callRest, errorMessage, tokenFor } from './support/api-routes'
import { as, createDraftTerm, createStaffUser, getTestPayload, queueSchedule, refusal } from './support/harness'
import { termEntry } from './support/term-entries'

let payload: Payload
let editor: User
let author: User
let editorToken: string
let category: Category
let termCounter = 0

const RACE_ROUNDS = 20
const WRITERS_PER_RACE = 5

const createTerm = (title = `Term ${++termCounter}`) => createDraftTerm(payload, editor, { title, category })

const latest = (id: string) => payload.findByID({ collection: 'terms', id, draft: true, depth: 0 })
const live = (id: string) => payload.findByID({ collection: 'terms', id, draft: false, depth: 0 })

type StaleData = { code: string; documents: { id: string; currentRevision: number; currentEtag: string }[] }

/** The stale documents a REST 412 names, in Payload's error shape. */
function staleDocumentsOf(json: Record<string, unknown>): StaleData {
  const [error] = json.errors as { data: StaleData }[]
  return error!.data
}

beforeAll(async () => {
  payload = await getTestPayload()
  editor = await createStaffUser(payload, 'editor')
  author = await createStaffUser(payload, 'author')
  editorToken = await tokenFor(payload, editor)
  category = await payload.create({ collection: 'categories', data: { name: 'Storage', slug: 'storage' } })
})

describe('revisions', () => {
  it('start at 1 and move on with every write: draft save, publish, unpublish, bulk update, restore', async () => {
    const term = await createTerm()
    const id = String(term.id)
    expect(term.revision).toBe(1)
    const seen = [term.revision]
    const step = async (write: () => Promise<unknown>) => {
      await write()
      seen.push((await latest(id)).revision)
    }
    await step(() =>
      payload.update({ collection: 'terms', id, data: { definition: 'A draft.' }, draft: true, depth: 0 }),
    )
    await step(() => payload.update({ collection: 'terms', id, data: { _status: 'published' }, depth: 0 }))
    await step(() =>
      payload.update({ collection: 'terms', id, data: { definition: 'A newer draft.' }, draft: true, depth: 0 }),
    )
    await step(() => payload.update({ collection: 'terms', id, data: { workflowStage: 'unpublished' }, depth: 0 }))
    await step(() =>
      payload.update({
        collection: 'terms',
        where: { id: { equals: id } },
        data: { analogy: 'Like a shelf.' },
        depth: 0,
      }),
    )
    const { docs } = await payload.findVersions({
      collection: 'terms',
      where: { parent: { equals: id } },
      sort: 'createdAt',
      limit: 1,
    })
    await step(() => payload.restoreVersion({ collection: 'terms', id: String(docs[0]!.id), depth: 0 }))
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7])
  })

  it('move on when a scheduled publish runs', async () => {
    const term = await createTerm()
    const id = String(term.id)
    await payload.update({ collection: 'terms', id, data: { workflowStage: 'approved' }, draft: true, depth: 0 })
    const before = (await latest(id)).revision!
    await queueSchedule(payload, { id }, 'publish', editor, new Date(Date.now() - 1000))
    await payload.jobs.run()
    const after = await live(id)
    expect([after._status, after.revision]).toEqual(['published', before + 1])
  })

  it('of a published term with a newer draft read the same with and without drafts, and a draft save leaves the live document’s date alone', async () => {
    const term = await createTerm()
    const id = String(term.id)
    await payload.update({ collection: 'terms', id, data: { _status: 'published' }, depth: 0 })
    const before = await live(id)
    await payload.update({
      collection: 'terms',
      id,
      data: { definition: 'Reworded, not yet published.' },
      draft: true,
      depth: 0,
    })
    const [after, draft] = await Promise.all([live(id), latest(id)])
    expect(draft.revision).toBe(before.revision! + 1)
    expect(after.revision).toBe(draft.revision)
    expect(after.updatedAt).toBe(before.updatedAt)
    expect(after.definition).toBe(before.definition)
  })

  it('are kept on categories, providers and media too', async () => {
    const created = await payload.create({ collection: 'categories', data: { name: 'Networking', slug: 'networking' } })
    const updated = await payload.update({ collection: 'categories', id: created.id, data: { description: 'Links.' } })
    expect([created.revision, updated.revision]).toEqual([1, 2])
    const stale = await refusal(
      payload.update({
        collection: 'categories',
        id: created.id,
        data: { description: 'Old view.', revision: 1 },
        ...as(editor),
      }),
    )
    expect(stale).toBeInstanceOf(StaleVersionError)
    const provider = await payload.create({
      collection: 'providers',
      data: { name: 'Acme', slug: 'acme', fullName: 'Acme Cloud' },
    })
    expect(
      await refusal(
        payload.update({
          collection: 'providers',
          id: provider.id,
          data: { website: 'https://acme.example', revision: 7 },
          ...as(editor),
        }),
      ),
    ).toBeInstanceOf(StaleVersionError)
  })
})

/** The revision of the stored document and of its latest version, by slug. */
async function importedRevisions(slug: string): Promise<[number, number]> {
  const [term] = (
    await payload.find({ collection: 'terms', where: { slug: { equals: slug } }, depth: 0, draft: false })
  ).docs
  const { docs } = await payload.findVersions({
    collection: 'terms',
    where: { parent: { equals: term!.id }, latest: { equals: true } },
    depth: 0,
  })
  return [term!.revision!, docs[0]!.version.revision!]
}

describe('import', () => {
  for (const path of ['SQLite bulk statements', 'one adapter call per document'] as const) {
    it(`counts a new term as revision 1, its links completed later in the same import as one more, a changed entry as another (${path})`, async () => {
      const options = {
        status: 'published' as const,
        ...(path === 'one adapter call per document' ? { bulkInsert: new DocumentByDocumentInsert(payload) } : {}),
      }
      const tag = path === 'SQLite bulk statements' ? 'Sq' : 'Dd'
      const [waiting, arriving] = [
        termEntry(`${tag} Waiting Link`, { category: 'Storage', relatedTerms: [`${tag} Arriving Later`] }),
        termEntry(`${tag} Arriving Later`, { category: 'Storage' }),
      ]
      await importTermBatches(payload, [[waiting], [arriving]], options)
      expect(await importedRevisions(waiting.slug)).toEqual([2, 2])
      expect(await importedRevisions(arriving.slug)).toEqual([1, 1])
      await importTermBatches(payload, [[{ ...arriving, definition: 'Reworded by a second import.' }]], options)
      expect(await importedRevisions(arriving.slug)).toEqual([2, 2])
    })
  }
})

describe('Local API', () => {
  it('refuses a stale update with StaleVersionError naming the current revision, and changes nothing', async () => {
    const term = await createTerm()
    const id = String(term.id)
    await payload.update({
      collection: 'terms',
      id,
      data: { definition: 'Someone else’s edit.', revision: 1 },
      draft: true,
      ...as(editor),
    })
    const error = await refusal(
      payload.update({
        collection: 'terms',
        id,
        data: { definition: 'My edit.', revision: 1 },
        draft: true,
        ...as(editor),
      }),
    )
    expect(error).toBeInstanceOf(StaleVersionError)
    expect((error as StaleVersionError).currentRevision).toBe(2)
    expect((error as StaleVersionError).status).toBe(412)
    expect((error as Error).message).toContain('changed by someone else since you opened it')
    const stored = await latest(id)
    expect([stored.definition, stored.revision]).toEqual(['Someone else’s edit.', 2])
  })

  it('takes the revision from the context for updates and deletes', async () => {
    const term = await createTerm()
    const id = String(term.id)
    const staleUpdate = payload.update({
      collection: 'terms',
      id,
      data: { definition: 'x' },
      draft: true,
      context: { expectedRevision: 9 },
      ...as(editor),
    })
    expect(await refusal(staleUpdate)).toBeInstanceOf(StaleVersionError)
    expect(
      await refusal(payload.delete({ collection: 'terms', id, context: { expectedRevision: 9 }, ...as(editor) })),
    ).toBeInstanceOf(StaleVersionError)
    expect((await latest(id)).revision).toBe(1)
    await payload.delete({ collection: 'terms', id, context: { expectedRevision: 1 }, ...as(editor) })
    expect(await payload.count({ collection: 'terms', where: { id: { equals: id } } })).toEqual({ totalDocs: 0 })
  })

  it('refuses a whole bulk update when one document is stale, and names it', async () => {
    const [fresh, changed] = [await createTerm(), await createTerm()]
    await payload.update({
      collection: 'terms',
      id: changed.id,
      data: { analogy: 'Changed meanwhile.' },
      draft: true,
      depth: 0,
    })
    const error = await refusal(
      payload.update({
        collection: 'terms',
        where: { id: { in: [fresh.id, changed.id] } },
        data: { analogy: 'Bulk edit.', revision: 1 },
        draft: true,
        ...as(editor),
      }),
    )
    expect(error).toBeInstanceOf(StaleVersionError)
    expect((error as StaleVersionError).documents.map((document) => String(document.id))).toEqual([String(changed.id)])
    expect((await latest(String(fresh.id))).analogy ?? null).toBeNull()
    expect((await latest(String(fresh.id))).revision).toBe(1)
  })

  it('never lets a revision check get round the access rules', async () => {
    const term = await createTerm()
    const write = payload.update({
      collection: 'terms',
      id: term.id,
      data: { definition: 'Not mine.', revision: term.revision },
      draft: true,
      user: author,
      overrideAccess: false,
    })
    const error = await refusal(write)
    expect(error).not.toBeInstanceOf(StaleVersionError)
    expect((error as { status?: number }).status).toBe(403)
  })

  it(`lets exactly one of ${WRITERS_PER_RACE} concurrent updates with the same revision win, ${RACE_ROUNDS} times over`, async () => {
    const term = await createTerm()
    const id = String(term.id)
    let lost = 0
    const outcomes: { winners: number; refusedAsStale: number; revisionsMoved: number }[] = []
    for (let round = 0; round < RACE_ROUNDS; round += 1) {
      const { revision } = await latest(id)
      const writes = Array.from({ length: WRITERS_PER_RACE }, (_, writer) =>
        payload.update({
          collection: 'terms',
          id,
          data: { definition: `Round ${round}, writer ${writer}.`, revision },
          draft: true,
          ...as(editor),
        }),
      )
      const results = await Promise.allSettled(writes)
      const winners = results.flatMap((result, writer) => (result.status === 'fulfilled' ? [writer] : []))
      const stored = await latest(id)
      // Every success but the one whose words are stored was overwritten without its writer being told.
      lost += winners.filter((writer) => stored.definition !== `Round ${round}, writer ${writer}.`).length
      outcomes.push({
        winners: winners.length,
        refusedAsStale: results.filter(
          (result) => result.status === 'rejected' && result.reason instanceof StaleVersionError,
        ).length,
        revisionsMoved: stored.revision! - revision!,
      })
    }
    process.stdout.write(
      `Local API: races tried: ${RACE_ROUNDS} (${WRITERS_PER_RACE} writers each), lost updates found: ${lost}\n`,
    )
    expect(lost).toBe(0)
    expect(new Set(outcomes.map((outcome) => JSON.stringify(outcome)))).toEqual(
      new Set([JSON.stringify({ winners: 1, refusedAsStale: WRITERS_PER_RACE - 1, revisionsMoved: 1 })]),
    )
  })
})

describe('REST', () => {
  const auth = () => ({ token: editorToken })
  /** A draft save of one term, as the admin makes it, with an If-Match header when given one. */
  const patchDraft = (id: string, ifMatch: string | null, body: Record<string, unknown>) =>
    callRest('PATCH', `/api/terms/${id}?draft=true`, {
      ...auth(),
      headers: ifMatch === null ? {} : { 'If-Match': ifMatch },
      body,
    })

  it('gives a document’s answers its ETag and refuses a stale If-Match with 412, changing nothing', async () => {
    const term = await createTerm()
    const id = String(term.id)
    const read = await callRest('GET', `/api/terms/${id}?draft=true`, auth())
    expect(read.status).toBe(200)
    expect(read.headers.get('etag')).toBe(revisionTag(id, 1))

    const current = await patchDraft(id, read.headers.get('etag'), { definition: 'First writer.' })
    expect(current.status).toBe(200)
    expect(current.headers.get('etag')).toBe(revisionTag(id, 2))

    const stale = await patchDraft(id, read.headers.get('etag'), { definition: 'Second writer, from the same read.' })
    expect(stale.status).toBe(412)
    expect(stale.headers.get('etag')).toBe(revisionTag(id, 2))
    expect(errorMessage(stale)).toContain('changed by someone else since you opened it')
    expect(staleDocumentsOf(stale.json)).toMatchObject({
      code: STALE_VERSION_CODE,
      documents: [{ id, currentRevision: 2 }],
    })
    expect((await latest(id)).definition).toBe('First writer.')

    const staleDelete = await callRest('DELETE', `/api/terms/${id}`, {
      ...auth(),
      headers: { 'If-Match': revisionTag(id, 1) },
    })
    expect(staleDelete.status).toBe(412)
    expect((await latest(id)).revision).toBe(2)
  })

  it('keeps today’s behaviour for a request without If-Match or with If-Match: *', async () => {
    const term = await createTerm()
    const id = String(term.id)
    const without = await patchDraft(id, null, { definition: 'No validator.' })
    const any = await patchDraft(id, '*', { definition: 'Any.' })
    expect([without.status, any.status]).toEqual([200, 200])
    expect((await latest(id)).revision).toBe(3)
  })

  it('checks every document of a bulk PATCH against the tags in If-Match, all or nothing', async () => {
    const [first, second] = [await createTerm(), await createTerm()]
    const [a, b] = [String(first.id), String(second.id)]
    const where = `where[id][in][0]=${a}&where[id][in][1]=${b}`
    await payload.update({ collection: 'terms', id: b, data: { analogy: 'Changed meanwhile.' }, draft: true, depth: 0 })

    const stale = await callRest('PATCH', `/api/terms?draft=true&${where}`, {
      ...auth(),
      headers: { 'If-Match': `${revisionTag(a, 1)}, ${revisionTag(b, 1)}` },
      body: { analogy: 'Bulk edit.' },
    })
    expect(stale.status).toBe(412)
    expect(staleDocumentsOf(stale.json).documents.map((document) => document.id)).toEqual([b])
    expect((await latest(a)).revision).toBe(1)

    const current = await callRest('PATCH', `/api/terms?draft=true&${where}`, {
      ...auth(),
      headers: { 'If-Match': `${revisionTag(a, 1)}, ${revisionTag(b, 2)}` },
      body: { analogy: 'Bulk edit.' },
    })
    expect(current.status).toBe(200)
    expect([(await latest(a)).analogy, (await latest(b)).analogy]).toEqual(['Bulk edit.', 'Bulk edit.'])
  })

  it(`lets exactly one of ${WRITERS_PER_RACE} concurrent PATCHes with the same If-Match win, ${RACE_ROUNDS} times over`, async () => {
    const term = await createTerm()
    const id = String(term.id)
    let lost = 0
    const outcomes: { winners: number; refused: number }[] = []
    for (let round = 0; round < RACE_ROUNDS; round += 1) {
      const etag = (await callRest('GET', `/api/terms/${id}?draft=true`, auth())).headers.get('etag')!
      const answers = await Promise.all(
        Array.from({ length: WRITERS_PER_RACE }, (_, writer) =>
          patchDraft(id, etag, { definition: `Round ${round}, writer ${writer}.` }),
        ),
      )
      const winners = answers.flatMap((answer, writer) => (answer.status === 200 ? [writer] : []))
      const stored = await latest(id)
      lost += winners.filter((writer) => stored.definition !== `Round ${round}, writer ${writer}.`).length
      outcomes.push({ winners: winners.length, refused: answers.filter((answer) => answer.status === 412).length })
    }
    process.stdout.write(
      `REST: races tried: ${RACE_ROUNDS} (${WRITERS_PER_RACE} writers each), lost updates found: ${lost}\n`,
    )
    expect(lost).toBe(0)
    expect(new Set(outcomes.map((outcome) => JSON.stringify(outcome)))).toEqual(
      new Set([JSON.stringify({ winners: 1, refused: WRITERS_PER_RACE - 1 })]),
    )
  })
})

describe('GraphQL', () => {
  it('reads the revision and refuses a stale update with extensions.code STALE_VERSION and the current revision', async () => {
    const term = await createTerm()
    const id = String(term.id)
    const read = await callGraphql(`{ Term(id: "${id}", draft: true) { revision } }`, {}, { token: editorToken })
    expect(read.json.data).toEqual({ Term: { revision: 1 } })
    await payload.update({ collection: 'terms', id, data: { definition: 'Changed meanwhile.' }, draft: true, depth: 0 })

    const mutation = `mutation ($data: mutationTermUpdateInput!) { updateTerm(id: "${id}", data: $data, draft: true) { revision } }`
    const stale = await callGraphql(
      mutation,
      { data: { definition: 'From the old read.', revision: 1 } },
      { token: editorToken },
    )
    const [error] = stale.json.errors as { extensions: { code: string; data: StaleData } }[]
    expect(error!.extensions.code).toBe(STALE_VERSION_CODE)
    expect(error!.extensions.data.documents[0]!.currentRevision).toBe(2)
    expect((await latest(id)).definition).toBe('Changed meanwhile.')

    const current = await callGraphql(
      mutation,
      { data: { definition: 'From a fresh read.', revision: 2 } },
      { token: editorToken },
    )
    expect(current.json.data).toEqual({ updateTerm: { revision: 3 } })
  })
})
