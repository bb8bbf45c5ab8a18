// The editorial workflow through the Local API with access control on, one real user per role.
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Category, Term, User } from '@/payload-types'

import {
  as,
  createDraftTerm,
  createStaffUser,
  createStaffUsers,
  failure,
  getTestPayload,
  updateDraftTerm,
} from './support/harness'

let payload: Payload
let admin: User
let editor: User
let reviewer: User
let author: User
let otherAuthor: User
let category: Category

const readLive = (id: string) =>
  payload.find({ collection: 'terms', where: { id: { equals: id } }, overrideAccess: false })
const latest = (id: string) => payload.findByID({ collection: 'terms', id, draft: true })

beforeAll(async () => {
  payload = await getTestPayload()
  ;({ admin, editor, reviewer, author } = await createStaffUsers(payload, ['admin', 'editor', 'reviewer', 'author']))
  otherAuthor = await createStaffUser(payload, 'author')
  category = await payload.create({ collection: 'categories', data: { name: 'Compute', slug: 'compute' } })
})

describe('a term from first draft to publication', () => {
  let term: Term

  it('starts as the author’s own draft', async () => {
    term = await createDraftTerm(payload, author, { title: 'Workflow Term', category })
    expect(term.workflowStage).toBe('draft')
    expect(typeof term.createdBy === 'object' ? term.createdBy?.id : term.createdBy).toBe(author.id)
  })

  it('cannot be published by its author', async () => {
    const refused = await failure(
      payload.update({ collection: 'terms', id: term.id, data: { _status: 'published' }, ...as(author) }),
    )
    expect(refused.status).toBe(403)
  })

  it('cannot be submitted by another author', async () => {
    const refused = await failure(updateDraftTerm(payload, term, { workflowStage: 'in_review' }, otherAuthor))
    expect(refused.status).toBe(403)
  })

  it('is submitted for review by its author, who then cannot edit it', async () => {
    const submitted = await updateDraftTerm(
      payload,
      term,
      { workflowStage: 'in_review', assignee: reviewer.id },
      author,
    )
    expect(submitted.workflowStage).toBe('in_review')
    expect(submitted.reviewThread?.map((entry) => entry.kind)).toEqual(['submitted'])
    const locked = await failure(updateDraftTerm(payload, term, { definition: 'Sneaky edit.' }, author))
    expect(locked.status).toBe(403)
  })

  it('needs a note when the reviewer requests changes', async () => {
    const refused = await failure(updateDraftTerm(payload, term, { workflowStage: 'changes_requested' }, reviewer))
    expect(refused).toEqual({ status: 400, message: 'Requesting changes needs a note saying what to change.' })

    const changed = await updateDraftTerm(
      payload,
      term,
      { workflowStage: 'changes_requested', transitionNote: 'Add an analogy.' },
      reviewer,
    )
    expect(changed.workflowStage).toBe('changes_requested')
    const lastEntry = changed.reviewThread?.at(-1)
    expect(lastEntry).toMatchObject({ kind: 'changes-requested', body: 'Add an analogy.' })
    expect(typeof lastEntry?.author === 'object' ? lastEntry.author?.id : lastEntry?.author).toBe(reviewer.id)
  })

  it('is fixed and resubmitted by its author, then approved by the reviewer', async () => {
    await updateDraftTerm(payload, term, { analogy: 'Like a relay race.' }, author)
    await updateDraftTerm(payload, term, { workflowStage: 'in_review' }, author)
    const approved = await updateDraftTerm(payload, term, { workflowStage: 'approved' }, reviewer)
    expect(approved.workflowStage).toBe('approved')
  })

  it('goes back to review when approved content is edited', async () => {
    const edited = await updateDraftTerm(payload, term, { definition: 'A better explanation.' }, reviewer)
    expect(edited.workflowStage).toBe('in_review')
    await updateDraftTerm(payload, term, { workflowStage: 'approved' }, reviewer)
  })

  it('cannot be published by a reviewer, and is published by an editor', async () => {
    const refused = await failure(
      payload.update({ collection: 'terms', id: term.id, data: { _status: 'published' }, ...as(reviewer) }),
    )
    expect(refused.status).toBe(403)
    expect((await readLive(term.id)).docs).toHaveLength(0)

    const published = await payload.update({
      collection: 'terms',
      id: term.id,
      data: { _status: 'published' },
      ...as(editor),
    })
    expect(published.workflowStage).toBe('published')
    expect((await readLive(term.id)).docs[0]?.definition).toBe('A better explanation.')
  })

  it('keeps the live version while a new draft of it is being edited', async () => {
    const draft = await updateDraftTerm(payload, term, { definition: 'Work in progress.' }, author)
    expect(draft.workflowStage).toBe('draft')
    expect((await readLive(term.id)).docs[0]?.definition).toBe('A better explanation.')
    expect((await latest(term.id)).definition).toBe('Work in progress.')
  })

  it('cannot be deleted by its author once published, and is unpublished by an editor', async () => {
    const refused = await failure(payload.delete({ collection: 'terms', id: term.id, ...as(author) }))
    expect(refused.status).toBe(403)

    const unpublished = await payload.update({
      collection: 'terms',
      id: term.id,
      data: { workflowStage: 'unpublished' },
      ...as(editor),
    })
    expect(unpublished.workflowStage).toBe('unpublished')
    expect(unpublished._status).toBe('draft')
    expect((await readLive(term.id)).docs).toHaveLength(0)
  })
})

describe('admin override', () => {
  it('lets an admin publish unapproved content and records the override in the review thread', async () => {
    const term = await createDraftTerm(payload, author, { title: 'Urgent Term', category })
    const refused = await failure(
      payload.update({ collection: 'terms', id: term.id, data: { _status: 'published' }, ...as(editor) }),
    )
    expect(refused.status).toBe(403)

    const published = await payload.update({
      collection: 'terms',
      id: term.id,
      data: { _status: 'published', transitionNote: 'Security fix, reviewed afterwards.' },
      ...as(admin),
    })
    expect(published.workflowStage).toBe('published')
    expect(published.reviewThread?.at(-1)).toMatchObject({
      kind: 'override',
      body: 'Published without approval by an admin. Security fix, reviewed afterwards.',
    })
  })

  it('refuses a direct edit of live content to anyone but an admin', async () => {
    const term = await createDraftTerm(payload, author, { title: 'Live Term', category })
    await payload.update({ collection: 'terms', id: term.id, data: { _status: 'published' }, ...as(admin) })
    const refused = await failure(
      payload.update({
        collection: 'terms',
        id: term.id,
        data: { definition: 'Changed live.', _status: 'published' },
        ...as(editor),
      }),
    )
    expect(refused.status).toBe(403)
  })
})

describe('ownership and deletion', () => {
  it('ignores a client that claims another owner', async () => {
    const term = await payload.create({
      collection: 'terms',
      data: { title: 'Claimed', definition: 'x', category: category.id, difficulty: 'beginner', createdBy: admin.id },
      draft: true,
      ...as(author),
    })
    expect(typeof term.createdBy === 'object' ? term.createdBy?.id : term.createdBy).toBe(author.id)
  })

  it('lets an author delete their own unpublished draft but not someone else’s', async () => {
    const own = await createDraftTerm(payload, author, { title: 'Disposable', category })
    const others = await createDraftTerm(payload, otherAuthor, { title: 'Not Yours', category })
    expect((await failure(payload.delete({ collection: 'terms', id: others.id, ...as(author) }))).status).toBe(403)
    await payload.delete({ collection: 'terms', id: own.id, ...as(author) })
    expect((await payload.count({ collection: 'terms', where: { id: { equals: own.id } } })).totalDocs).toBe(0)
  })

  it('keeps categories and providers for editors and admins', async () => {
    const refused = await failure(
      payload.create({ collection: 'categories', data: { name: 'Storage', slug: 'storage' }, ...as(reviewer) }),
    )
    expect(refused.status).toBe(403)
    await payload.create({ collection: 'categories', data: { name: 'Storage', slug: 'storage' }, ...as(editor) })
  })
})

describe('bulk actions', () => {
  it('applies the same rules to every selected document, and changes none when one is refused', async () => {
    const mine = await createDraftTerm(payload, author, { title: 'Bulk One', category })
    const alsoMine = await createDraftTerm(payload, author, { title: 'Bulk Two', category })
    const notMine = await createDraftTerm(payload, otherAuthor, { title: 'Bulk Three', category })
    const submitted = await payload.update({
      collection: 'terms',
      where: { id: { in: [mine.id, alsoMine.id, notMine.id] } },
      data: { workflowStage: 'in_review' },
      draft: true,
      ...as(author),
    })
    expect(submitted.errors).toEqual([])
    expect(submitted.docs.map((doc) => doc.title).sort()).toEqual(['Bulk One', 'Bulk Two'])
    const all = { id: { in: [mine.id, alsoMine.id, notMine.id] } }
    const mineOnly = { id: { in: [mine.id, alsoMine.id] } }
    const stages = async () =>
      Promise.all(
        [mine, alsoMine].map(
          async ({ id }) => (await payload.findByID({ collection: 'terms', id, draft: true, depth: 0 })).workflowStage,
        ),
      )
    // A bulk write is all or nothing (src/concurrency/all-or-nothing-bulk-writes.ts): one refusal and no
    // document moves.
    await expect(
      payload.update({
        collection: 'terms',
        where: all,
        data: { workflowStage: 'approved' },
        draft: true,
        ...as(reviewer),
      }),
    ).rejects.toThrow('There is no workflow step Draft → Approved.')
    expect(await stages()).toEqual(['in_review', 'in_review'])
    const approved = await payload.update({
      collection: 'terms',
      where: mineOnly,
      data: { workflowStage: 'approved' },
      draft: true,
      ...as(reviewer),
    })
    expect(approved.docs.map((doc) => doc.title).sort()).toEqual(['Bulk One', 'Bulk Two'])

    await expect(
      payload.update({ collection: 'terms', where: all, data: { _status: 'published' }, ...as(editor) }),
    ).rejects.toThrow(/^Nothing was updated/)
    expect(
      (await payload.count({ collection: 'terms', where: { title: { like: 'Bulk' } }, overrideAccess: false }))
        .totalDocs,
    ).toBe(0)
    const published = await payload.update({
      collection: 'terms',
      where: mineOnly,
      data: { _status: 'published' },
      ...as(editor),
    })
    expect(published.docs.map((doc) => doc.title).sort()).toEqual(['Bulk One', 'Bulk Two'])
    expect(
      (await payload.count({ collection: 'terms', where: { title: { like: 'Bulk' } }, overrideAccess: false }))
        .totalDocs,
    ).toBe(2)
  })
})

describe('history', () => {
  it('restores the exact field values of an old version as a new draft, for editors only', async () => {
    const term = await createDraftTerm(payload, author, { title: 'Versioned Term', category })
    await updateDraftTerm(
      payload,
      term,
      { definition: 'First wording.', analogy: 'Like a first draft.', difficulty: 'advanced', aliases: ['VT'] },
      author,
    )
    const versions = await payload.findVersions({
      collection: 'terms',
      where: { parent: { equals: term.id } },
      sort: '-createdAt',
      limit: 1,
    })
    const firstWording = versions.docs[0]!
    await updateDraftTerm(
      payload,
      term,
      { definition: 'Second wording.', analogy: null, difficulty: 'beginner', aliases: [] },
      author,
    )

    const refused = await failure(
      payload.restoreVersion({ collection: 'terms', id: firstWording.id, draft: true, ...as(author) }),
    )
    expect(refused).toEqual({ status: 403, message: 'Only editors and admins can restore versions.' })

    await payload.restoreVersion({ collection: 'terms', id: firstWording.id, draft: true, ...as(editor) })
    const restored = await latest(term.id)
    expect(restored).toMatchObject({
      definition: 'First wording.',
      analogy: 'Like a first draft.',
      difficulty: 'advanced',
      aliases: ['VT'],
      workflowStage: 'draft',
    })
    expect((await readLive(term.id)).docs).toHaveLength(0)
  })
})
